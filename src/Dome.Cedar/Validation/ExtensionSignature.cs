using Dome.Cedar.Extensions;
using Dome.Cedar.Schema.Types;

namespace Dome.Cedar.Validation;

/// <summary>
/// The type of an extension function: argument and return types; constructors also check a literal argument
/// (an invalid <c>ip("x")</c> is a validation error) and, in strict mode, require literal arguments.
/// </summary>
internal sealed record ExtensionSignature(string Name, CedarType[] Arguments, CedarType Returns, Func<string, string?>? CheckLiteral = null)
{
    private static readonly ExtensionType Ip = new("ipaddr");
    private static readonly ExtensionType Decimal = new("decimal");
    private static readonly ExtensionType Datetime = new("datetime");
    private static readonly ExtensionType Duration = new("duration");

    private static readonly Dictionary<string, ExtensionSignature> ByName = Build();

    /// <summary>True for constructors, whose arguments are checked.</summary>
    public bool IsConstructor => CheckLiteral is not null;

    public static ExtensionSignature? Find(string name) => ByName.GetValueOrDefault(name);

    private static Dictionary<string, ExtensionSignature> Build()
    {
        var all = new List<ExtensionSignature>
        {
            new("ip", [StringType.Instance], Ip, s => CedarIpAddress.TryParse(s, out _) ? null : $"`{s}` is not a valid IP address"),
            new("decimal", [StringType.Instance], Decimal, s => CedarDecimal.TryParse(s, out _, out var e) ? null : $"`{s}` is not a valid decimal: {e}"),
            new("datetime", [StringType.Instance], Datetime, s => CedarDateTime.TryParse(s, out _, out var e) ? null : $"`{s}` is not a valid datetime: {e}"),
            new("duration", [StringType.Instance], Duration, s => CedarDuration.TryParse(s, out _, out var e) ? null : $"`{s}` is not a valid duration: {e}"),
            new("isIpv4", [Ip], BoolType.Any),
            new("isIpv6", [Ip], BoolType.Any),
            new("isLoopback", [Ip], BoolType.Any),
            new("isMulticast", [Ip], BoolType.Any),
            new("isInRange", [Ip, Ip], BoolType.Any),
            new("lessThan", [Decimal, Decimal], BoolType.Any),
            new("lessThanOrEqual", [Decimal, Decimal], BoolType.Any),
            new("greaterThan", [Decimal, Decimal], BoolType.Any),
            new("greaterThanOrEqual", [Decimal, Decimal], BoolType.Any),
            new("offset", [Datetime, Duration], Datetime),
            new("durationSince", [Datetime, Datetime], Duration),
            new("toDate", [Datetime], Datetime),
            new("toTime", [Datetime], Duration),
            new("toMilliseconds", [Duration], LongType.Instance),
            new("toSeconds", [Duration], LongType.Instance),
            new("toMinutes", [Duration], LongType.Instance),
            new("toHours", [Duration], LongType.Instance),
            new("toDays", [Duration], LongType.Instance),
        };
        return all.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }
}
