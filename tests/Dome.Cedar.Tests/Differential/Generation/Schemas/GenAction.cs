namespace Dome.Cedar.Tests.Differential.Generation.Schemas;

/// <summary>
/// An action of a generated schema: its namespace (its entity type is `Namespace::Action`), id,
/// the action groups it is in, and what it applies to (null when it has no `appliesTo`).
/// </summary>
internal sealed record GenAction
{
    public required string Namespace { get; init; }

    public required string Id { get; init; }

    /// <summary>Groups the action is in, as (namespace, id).</summary>
    public IReadOnlyList<(string Namespace, string Id)> MemberOf { get; init; } = [];

    public IReadOnlyList<string>? PrincipalTypes { get; init; }

    public IReadOnlyList<string>? ResourceTypes { get; init; }

    /// <summary>The context: a <see cref="GenRecord"/> or a <see cref="GenCommonRef"/> to one; null when not declared.</summary>
    public GenType? Context { get; init; }

    /// <summary>The action's entity type.</summary>
    public string Type => Namespace.Length == 0 ? "Action" : Namespace + "::Action";

    /// <summary>The action as an entity literal in policy text.</summary>
    public string Literal => Type + "::" + CedarText.Quote(Id);

    /// <summary>Whether it applies to at least one principal and one resource type.</summary>
    public bool Applies => PrincipalTypes is { Count: > 0 } && ResourceTypes is { Count: > 0 };

    /// <summary>The context's attributes (none when not declared).</summary>
    public IReadOnlyList<GenAttribute> ContextAttributes => (Context?.Resolved as GenRecord)?.Attributes ?? [];
}
