namespace Dome.Cedar.Schema.Model;

/// <summary>A reference to an action: <c>"id"</c> (type null: the current namespace's <c>Action</c>) or <c>NS::Action::"id"</c>.</summary>
public sealed record SchemaActionRef(string? Type, string Id, SchemaSourceSpan? Span = null);
