namespace Dome.Cedar.Schema.Model;

/// <summary><c>type Name = T;</c></summary>
public sealed record SchemaCommonTypeDecl(
    string Name,
    SchemaTypeExpr Type,
    IReadOnlyList<SchemaAnnotation> Annotations,
    SchemaSourceSpan? Span = null);
