namespace Dome.Cedar.Schema.Model;

/// <summary><c>action "name" in [groups] appliesTo { ... };</c>; <paramref name="AppliesTo"/> null means it applies to nothing.</summary>
public sealed record SchemaActionDecl(
    string Name,
    IReadOnlyList<SchemaActionRef> MemberOf,
    SchemaAppliesTo? AppliesTo,
    IReadOnlyList<SchemaAnnotation> Annotations,
    SchemaSourceSpan? Span = null);
