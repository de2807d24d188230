using Dome.Cedar.Extensions;

namespace Dome.Cedar.Evaluation;

/// <summary>`ip("10.0.0.0/8")` and its methods, over <see cref="CedarIpAddress"/>.</summary>
internal static class IpFunctions
{
    public const string TypeName = "ipaddr";

    public static CedarValue Wrap(CedarIpAddress value) =>
        new ExtensionValue<CedarIpAddress>(TypeName, value, static ip => $"ip(\"{ip}\")");

    public static IEnumerable<ExtensionFunction> All()
    {
        yield return new ExtensionFunction("ip", false, 1, static a =>
        {
            string text = ExtensionFunctions.ArgString(a[0]);
            return CedarIpAddress.TryParse(text, out var ip, out var error) ? Wrap(ip) : throw new EvaluationException($"error in `ip`: {error}");
        });
        yield return Test("isIpv4", static ip => ip.IsIpv4);
        yield return Test("isIpv6", static ip => ip.IsIpv6);
        yield return Test("isLoopback", static ip => ip.IsLoopback);
        yield return Test("isMulticast", static ip => ip.IsMulticast);
        yield return new ExtensionFunction("isInRange", true, 2, static a =>
            BoolValue.Of(ExtensionFunctions.Arg<CedarIpAddress>(a[0], TypeName).IsInRange(ExtensionFunctions.Arg<CedarIpAddress>(a[1], TypeName))));
    }

    private static ExtensionFunction Test(string name, Func<CedarIpAddress, bool> test) =>
        new(name, true, 1, a => BoolValue.Of(test(ExtensionFunctions.Arg<CedarIpAddress>(a[0], TypeName))));
}
