namespace Dome.Cedar.Evaluation;

/// <summary>A value of an extension type: `decimal`, `ipaddr`, `datetime` or `duration`.</summary>
public abstract class ExtensionValue : CedarValue
{
    private protected ExtensionValue()
    {
    }

    /// <summary>The extension type's name, e.g. `decimal`.</summary>
    public abstract string ExtensionType { get; }

    internal override ValueKind Kind => ValueKind.Extension;

    internal override string TypeName => ExtensionType;

    /// <summary>Whether `&lt;`, `&lt;=`, `&gt;`, `&gt;=` apply to values of this type (datetime and duration).</summary>
    internal virtual bool SupportsOrdering => false;

    /// <summary>Orders two values of the same extension type; only called when <see cref="SupportsOrdering"/>.</summary>
    internal virtual int CompareTo(ExtensionValue other) => throw new InvalidOperationException();
}
