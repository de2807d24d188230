namespace Dome.Cedar.Tests.Differential.Generation.Schemas;

/// <summary>
/// An expression reaching a value of a known type from `principal`, `resource` or `context`
/// (attribute chains and tags), with the tests that make every optional step safe.
/// </summary>
internal sealed record TypedPath(string Text, GenType Type, IReadOnlyList<string> Guards);
