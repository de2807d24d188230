using Dome.Cedar.Syntax;

namespace Dome.Cedar.Validation;

/// <summary>A fact known to hold: <c>Target has Attribute</c>, or <c>Target.hasTag(TagKey)</c>.</summary>
internal sealed record Capability(Expr Target, string? Attribute, Expr? TagKey)
{
    public bool Matches(Expr target, string? attribute, Expr? tagKey) =>
        Attribute == attribute
        && ExprStructure.Equal(Target, target)
        && (TagKey is null ? tagKey is null : tagKey is not null && ExprStructure.Equal(TagKey, tagKey));
}
