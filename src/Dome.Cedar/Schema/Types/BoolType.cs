namespace Dome.Cedar.Schema.Types;

/// <summary>Bool; the validator narrows literals to <see cref="True"/> or <see cref="False"/>.</summary>
public sealed record BoolType : CedarType
{
    /// <summary>Any boolean.</summary>
    public static readonly BoolType Any = new((bool?)null);

    /// <summary>Only <c>true</c>.</summary>
    public static readonly BoolType True = new(true);

    /// <summary>Only <c>false</c>.</summary>
    public static readonly BoolType False = new(false);

    private BoolType(bool? value) => Value = value;

    /// <summary>The single value, or null for any boolean.</summary>
    public bool? Value { get; }

    /// <inheritdoc />
    public override string Display => Value switch
    {
        true => "__cedar::Bool (true)",
        false => "__cedar::Bool (false)",
        _ => "__cedar::Bool",
    };

    /// <summary>The singleton type for <paramref name="value"/>.</summary>
    public static BoolType Of(bool value) => value ? True : False;
}
