namespace Dome.Cedar.Schema.Types;

/// <summary>An extension type: <c>ipaddr</c>, <c>decimal</c>, <c>datetime</c> or <c>duration</c>.</summary>
public sealed record ExtensionType(string Name) : CedarType
{
    /// <summary>The extension types Cedar 4.13 defines.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "ipaddr", "decimal", "datetime", "duration",
    };

    /// <inheritdoc />
    public override string Display => $"__cedar::{Name}";
}
