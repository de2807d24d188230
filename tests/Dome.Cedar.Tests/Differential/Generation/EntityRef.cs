namespace Dome.Cedar.Tests.Differential.Generation;

/// <summary>An entity reference: type name (possibly namespaced) and id.</summary>
internal sealed record EntityRef(string Type, string Id)
{
    public override string ToString() => CedarText.Entity(this);
}
