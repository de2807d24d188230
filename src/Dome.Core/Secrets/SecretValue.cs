namespace Dome.Core.Secrets;

/// <summary>
/// A secret's value. It never shows itself by accident: <see cref="ToString"/> is redacted, so a secret passed to
/// a log or an interpolated message prints <c>[secret]</c>; <see cref="Reveal"/> is the one way to read it.
/// </summary>
public sealed class SecretValue
{
    private readonly string value;

    public SecretValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        this.value = value;
    }

    /// <summary>The value itself, for injecting into an upstream request at the boundary.</summary>
    public string Reveal() => value;

    public override string ToString() => "[secret]";
}
