namespace Dome.Cedar.Json;

/// <summary>An expression of the JSON policy format. Each JSON object has exactly one key naming its kind.</summary>
internal abstract record EstExpr;
