namespace Dome.Cedar.Evaluation;

/// <summary>`datetime(...)`, `duration(...)` and their methods. Wired to the cedar-ext structs once they land.</summary>
internal static class DatetimeFunctions
{
    public static IEnumerable<ExtensionFunction> All()
    {
        yield return Pending("datetime", false, 1);
        yield return Pending("duration", false, 1);
        yield return Pending("offset", true, 2);
        yield return Pending("durationSince", true, 2);
        yield return Pending("toDate", true, 1);
        yield return Pending("toTime", true, 1);
        yield return Pending("toMilliseconds", true, 1);
        yield return Pending("toSeconds", true, 1);
        yield return Pending("toMinutes", true, 1);
        yield return Pending("toHours", true, 1);
        yield return Pending("toDays", true, 1);
    }

    private static ExtensionFunction Pending(string name, bool isMethod, int arity) =>
        new(name, isMethod, arity, _ => throw new EvaluationException($"extension function `{name}` is not available yet"));
}
