namespace Dome.Cedar.Schema.Types;

/// <summary>The type of no value (e.g. the element type of the empty set literal).</summary>
public sealed record NeverType : CedarType
{
    /// <summary>The single instance.</summary>
    public static readonly NeverType Instance = new();

    private NeverType()
    {
    }

    /// <inheritdoc />
    public override string Display => "Never";
}
