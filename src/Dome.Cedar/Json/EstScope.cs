namespace Dome.Cedar.Json;

/// <summary>
/// A principal, action or resource constraint. Which members are set depends on <see cref="Op"/>:
/// <c>==</c> and <c>in</c> carry <see cref="Entity"/> or <see cref="Slot"/> (or, for an action
/// <c>in</c> a list, <see cref="Entities"/>); <c>is</c> carries <see cref="EntityType"/> and
/// optionally <see cref="Entity"/> or <see cref="Slot"/> for its <c>in</c> part.
/// </summary>
internal sealed record EstScope
{
    /// <summary>The unconstrained scope.</summary>
    public static EstScope All { get; } = new() { Op = EstScopeOp.All };

    public required EstScopeOp Op { get; init; }

    public EstEntityRef? Entity { get; init; }

    /// <summary>A template slot, <c>?principal</c> or <c>?resource</c>.</summary>
    public string? Slot { get; init; }

    /// <summary>The list of an action <c>in [..]</c> constraint.</summary>
    public IReadOnlyList<EstEntityRef>? Entities { get; init; }

    public string? EntityType { get; init; }
}
