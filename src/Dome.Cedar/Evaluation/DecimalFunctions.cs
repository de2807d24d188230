using Dome.Cedar.Extensions;

namespace Dome.Cedar.Evaluation;

/// <summary>`decimal("1.23")` and its comparison methods, over <see cref="CedarDecimal"/>.</summary>
internal static class DecimalFunctions
{
    public const string TypeName = "decimal";

    public static ExtensionValue Wrap(CedarDecimal value) =>
        new ExtensionValue<CedarDecimal>(TypeName, value, static d => $"decimal(\"{d}\")");

    public static IEnumerable<ExtensionFunction> All()
    {
        yield return new ExtensionFunction("decimal", false, 1, static a =>
        {
            string text = ExtensionFunctions.ArgString(a[0]);
            return CedarDecimal.TryParse(text, out var d, out var error) ? Wrap(d) : throw new EvaluationException($"error in `decimal`: {error}");
        });
        yield return Compare("lessThan", static (x, y) => x.LessThan(y));
        yield return Compare("lessThanOrEqual", static (x, y) => x.LessThanOrEqual(y));
        yield return Compare("greaterThan", static (x, y) => x.GreaterThan(y));
        yield return Compare("greaterThanOrEqual", static (x, y) => x.GreaterThanOrEqual(y));
    }

    private static ExtensionFunction Compare(string name, Func<CedarDecimal, CedarDecimal, bool> op) =>
        new(name, true, 2, a => BoolValue.Of(op(ExtensionFunctions.Arg<CedarDecimal>(a[0], TypeName), ExtensionFunctions.Arg<CedarDecimal>(a[1], TypeName))));
}
