namespace Dome.Cedar.Schema.Model;

/// <summary>An annotation <c>@key("value")</c>; a bare <c>@key</c> has the empty string as its value.</summary>
public sealed record SchemaAnnotation(string Key, string Value, SchemaSourceSpan? Span = null);
