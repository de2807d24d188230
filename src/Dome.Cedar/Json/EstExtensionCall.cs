namespace Dome.Cedar.Json;

/// <summary>
/// An extension function or method call (<c>{"name": [args]}</c>); for a method the receiver is
/// the first argument, e.g. <c>{"lessThan": [a, b]}</c> for <c>a.lessThan(b)</c>.
/// </summary>
internal sealed record EstExtensionCall(string Function, IReadOnlyList<EstExpr> Arguments) : EstExpr
{
    /// <summary>Function-style names, written <c>name(args)</c> in policy text.</summary>
    public static readonly IReadOnlySet<string> Constructors =
        new HashSet<string>(StringComparer.Ordinal) { "decimal", "ip", "datetime", "duration", "unknown" };

    /// <summary>Method-style names, written <c>first.name(rest)</c> in policy text.</summary>
    public static readonly IReadOnlySet<string> Methods = new HashSet<string>(StringComparer.Ordinal)
    {
        "lessThan", "lessThanOrEqual", "greaterThan", "greaterThanOrEqual",
        "isIpv4", "isIpv6", "isLoopback", "isMulticast", "isInRange",
        "offset", "durationSince", "toDate", "toTime",
        "toMilliseconds", "toSeconds", "toMinutes", "toHours", "toDays",
    };

    /// <summary>True when <paramref name="name"/> is a known extension function or method.</summary>
    public static bool IsKnown(string name) => Constructors.Contains(name) || Methods.Contains(name);
}
