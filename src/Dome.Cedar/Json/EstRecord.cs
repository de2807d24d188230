namespace Dome.Cedar.Json;

/// <summary>A record literal (<c>{"Record": {"key": ...}}</c>), fields in source order.</summary>
internal sealed record EstRecord(IReadOnlyList<KeyValuePair<string, EstExpr>> Fields) : EstExpr;
