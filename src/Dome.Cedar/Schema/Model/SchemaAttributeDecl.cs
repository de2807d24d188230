namespace Dome.Cedar.Schema.Model;

/// <summary>One attribute of a record type; <paramref name="Required"/> is false for <c>name?: T</c>.</summary>
public sealed record SchemaAttributeDecl(
    string Name,
    SchemaTypeExpr Type,
    bool Required,
    IReadOnlyList<SchemaAnnotation> Annotations,
    SchemaSourceSpan? Span = null);
