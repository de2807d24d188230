namespace Dome.Cedar.Evaluation;

/// <summary>A value of an extension type: `decimal`, `ipaddr`, `datetime` or `duration`.</summary>
public abstract class ExtensionValue : CedarValue
{
    private protected ExtensionValue()
    {
    }

    /// <summary>
    /// The <c>datetime</c> value <paramref name="epochMilliseconds"/> after 1970-01-01T00:00:00Z: the value
    /// <c>datetime("...")</c> gives for that instant, built without writing and parsing its text.
    /// </summary>
    public static ExtensionValue DatetimeFromEpochMilliseconds(long epochMilliseconds) =>
        DatetimeFunctions.Wrap(Extensions.CedarDateTime.FromEpochMilliseconds(epochMilliseconds));

    /// <summary>
    /// The <c>decimal</c> value <paramref name="scaledValue"/> / 10^4 (Cedar decimals have four fractional digits): the
    /// value <c>decimal("...")</c> gives for that number, built without writing and parsing its text.
    /// </summary>
    public static ExtensionValue DecimalFromScaled(long scaledValue) =>
        DecimalFunctions.Wrap(Extensions.CedarDecimal.FromScaled(scaledValue));

    /// <summary>The extension type's name, e.g. `decimal`.</summary>
    public abstract string ExtensionType { get; }

    internal override ValueKind Kind => ValueKind.Extension;

    internal override string TypeName => ExtensionType;

    /// <summary>Whether `&lt;`, `&lt;=`, `&gt;`, `&gt;=` apply to values of this type (datetime and duration).</summary>
    internal virtual bool SupportsOrdering => false;

    /// <summary>Orders two values of the same extension type; only called when <see cref="SupportsOrdering"/>.</summary>
    internal virtual int CompareTo(ExtensionValue other) => throw new InvalidOperationException();
}
