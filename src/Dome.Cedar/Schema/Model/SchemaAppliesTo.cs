namespace Dome.Cedar.Schema.Model;

/// <summary>The <c>appliesTo</c> block of an action; <paramref name="Context"/> null means the empty record.</summary>
public sealed record SchemaAppliesTo(
    IReadOnlyList<SchemaName> PrincipalTypes,
    IReadOnlyList<SchemaName> ResourceTypes,
    SchemaTypeExpr? Context,
    SchemaSourceSpan? Span = null);
