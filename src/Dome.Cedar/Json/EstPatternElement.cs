namespace Dome.Cedar.Json;

/// <summary>One element of a <c>like</c> pattern: the wildcard <c>*</c> or literal text.</summary>
internal sealed record EstPatternElement(bool IsWildcard, string Literal)
{
    public static EstPatternElement Wildcard { get; } = new(true, string.Empty);
}
