namespace Dome.Cedar.Schema.Types;

/// <summary><c>Set&lt;Element&gt;</c>.</summary>
public sealed record SetType(CedarType Element) : CedarType
{
    /// <inheritdoc />
    public override string Display => $"Set<{Element.Display}>";
}
