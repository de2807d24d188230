namespace Dome.Cedar.Schema.Model;

/// <summary>
/// <c>entity Name in [Parents] = { shape } tags T;</c> or <c>entity Name enum ["a", "b"];</c>.
/// <paramref name="Shape"/> is null when no shape was written (an empty closed record).
/// </summary>
public sealed record SchemaEntityTypeDecl(
    string Name,
    IReadOnlyList<SchemaName> MemberOfTypes,
    SchemaTypeExpr? Shape,
    SchemaTypeExpr? Tags,
    IReadOnlyList<string>? EnumIds,
    IReadOnlyList<SchemaAnnotation> Annotations,
    SchemaSourceSpan? Span = null);
