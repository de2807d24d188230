namespace Dome.Cedar.Schema.Types;

/// <summary>Strings.</summary>
public sealed record StringType : CedarType
{
    /// <summary>The single instance.</summary>
    public static readonly StringType Instance = new();

    private StringType()
    {
    }

    /// <inheritdoc />
    public override string Display => "__cedar::String";
}
