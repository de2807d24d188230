namespace Dome.Cedar.Schema.Types;

/// <summary>64-bit signed integers.</summary>
public sealed record LongType : CedarType
{
    /// <summary>The single instance.</summary>
    public static readonly LongType Instance = new();

    private LongType()
    {
    }

    /// <inheritdoc />
    public override string Display => "__cedar::Long";
}
