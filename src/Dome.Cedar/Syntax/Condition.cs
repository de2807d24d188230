namespace Dome.Cedar.Syntax;

/// <summary>A `when { ... }` clause, or `unless { ... }` when <see cref="IsUnless"/>.</summary>
internal sealed record Condition(bool IsUnless, Expr Body);
