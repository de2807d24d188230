namespace Dome.Cedar.Evaluation;

/// <summary>A reference to an entity by its uid.</summary>
public sealed class EntityValue : CedarValue
{
    /// <summary>Wraps <paramref name="uid"/>.</summary>
    public EntityValue(EntityUid uid) => Uid = uid ?? throw new ArgumentNullException(nameof(uid));

    /// <summary>The entity's uid.</summary>
    public EntityUid Uid { get; }

    internal override ValueKind Kind => ValueKind.Entity;

    /// <inheritdoc/>
    public override bool Equals(CedarValue? other) => other is EntityValue e && e.Uid.Equals(Uid);

    /// <inheritdoc/>
    public override int GetHashCode() => Uid.GetHashCode();

    /// <inheritdoc/>
    public override string ToString() => Uid.ToString();
}
