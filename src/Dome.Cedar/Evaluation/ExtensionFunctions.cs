namespace Dome.Cedar.Evaluation;

/// <summary>
/// The extension functions the parser knows by name. Each extension (decimal, ipaddr, datetime/duration) contributes
/// its functions through a small adapter (<see cref="DecimalFunctions"/>, ...) over the extension's value struct.
/// </summary>
internal static class ExtensionFunctions
{
    private static readonly Dictionary<string, ExtensionFunction> ByName = Build();

    public static ExtensionFunction? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Builds the value of an `__extn` JSON escape: constructor <paramref name="name"/> applied to <paramref name="args"/>.</summary>
    public static CedarValue Construct(string name, CedarValue[] args)
    {
        var function = Find(name) ?? throw new EvaluationException($"unknown extension function `{name}`");
        if (function.Arity != args.Length)
        {
            throw new EvaluationException($"extension function `{name}` takes {function.Arity} argument(s), got {args.Length}");
        }

        return function.Invoke(args);
    }

    private static Dictionary<string, ExtensionFunction> Build()
    {
        var map = new Dictionary<string, ExtensionFunction>(StringComparer.Ordinal);
        foreach (var f in DecimalFunctions.All())
        {
            map.Add(f.Name, f);
        }

        foreach (var f in IpFunctions.All())
        {
            map.Add(f.Name, f);
        }

        foreach (var f in DatetimeFunctions.All())
        {
            map.Add(f.Name, f);
        }

        return map;
    }

    internal static string ArgString(CedarValue value) =>
        value is StringValue s ? s.Value : throw EvaluationException.TypeError("string", value);

    internal static T Arg<T>(CedarValue value, string type)
        where T : IEquatable<T> =>
        value is ExtensionValue<T> e ? e.Value : throw EvaluationException.TypeError(type, value);
}
