namespace Dome.Cedar.Syntax;

/// <summary>
/// One scope element: `principal`, `principal == E`, `principal in E`, `principal is T`, `principal is T in E`,
/// or `action in [E1, E2]`. In a template, <see cref="Slot"/> names the slot (`?principal`) standing in for E.
/// </summary>
internal sealed record ScopeConstraint(ScopeKind Kind, EntityUid? Entity = null, string? EntityType = null, EntityUid[]? Entities = null, string? Slot = null)
{
    public static ScopeConstraint Any { get; } = new(ScopeKind.Any);

    /// <summary>Whether <paramref name="uid"/> (with ancestors <paramref name="ancestors"/>) satisfies this constraint.</summary>
    public bool Matches(EntityUid uid, IReadOnlySet<EntityUid>? ancestors)
    {
        switch (Kind)
        {
            case ScopeKind.Any:
                return true;
            case ScopeKind.Equal:
                return uid.Equals(Entity);
            case ScopeKind.In:
                return uid.Equals(Entity) || (ancestors is not null && ancestors.Contains(Entity!));
            case ScopeKind.Is:
                return uid.Type == EntityType;
            case ScopeKind.IsIn:
                return uid.Type == EntityType && (uid.Equals(Entity) || (ancestors is not null && ancestors.Contains(Entity!)));
            default:
                foreach (var e in Entities!)
                {
                    if (uid.Equals(e) || (ancestors is not null && ancestors.Contains(e)))
                    {
                        return true;
                    }
                }

                return false;
        }
    }
}
