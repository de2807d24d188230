using Dome.Cedar.Extensions;

namespace Dome.Cedar.Evaluation;

/// <summary>`datetime(...)`, `duration(...)` and their methods, over <see cref="CedarDateTime"/> and <see cref="CedarDuration"/>. Both types support `&lt;` and friends.</summary>
internal static class DatetimeFunctions
{
    public const string DatetimeType = "datetime";
    public const string DurationType = "duration";

    public static ExtensionValue Wrap(CedarDateTime value) =>
        new ExtensionValue<CedarDateTime>(DatetimeType, value, static d => d.TryFormatIso(out var iso) ? $"datetime(\"{iso}\")" : d.ToCedarExpression(), static (a, b) => a.CompareTo(b));

    public static ExtensionValue Wrap(CedarDuration value) =>
        new ExtensionValue<CedarDuration>(DurationType, value, static d => $"duration(\"{d}\")", static (a, b) => a.CompareTo(b));

    public static IEnumerable<ExtensionFunction> All()
    {
        yield return new ExtensionFunction("datetime", false, 1, static a =>
        {
            string text = ExtensionFunctions.ArgString(a[0]);
            return CedarDateTime.TryParse(text, out var d, out var error) ? Wrap(d) : throw new EvaluationException($"error in `datetime`: {error}");
        });
        yield return new ExtensionFunction("duration", false, 1, static a =>
        {
            string text = ExtensionFunctions.ArgString(a[0]);
            return CedarDuration.TryParse(text, out var d, out var error) ? Wrap(d) : throw new EvaluationException($"error in `duration`: {error}");
        });
        yield return new ExtensionFunction("offset", true, 2, static a =>
        {
            var dt = Datetime(a[0]);
            var dur = Duration(a[1]);
            return dt.TryOffset(dur, out var result) ? Wrap(result) : throw new EvaluationException(dt.OffsetOverflowMessage(dur));
        });
        yield return new ExtensionFunction("durationSince", true, 2, static a =>
        {
            var dt = Datetime(a[0]);
            var other = Datetime(a[1]);
            return dt.TryDurationSince(other, out var result) ? Wrap(result) : throw new EvaluationException(dt.DurationSinceOverflowMessage(other));
        });
        yield return new ExtensionFunction("toDate", true, 1, static a =>
        {
            var dt = Datetime(a[0]);
            return dt.TryToDate(out var result) ? Wrap(result) : throw new EvaluationException(dt.ToDateOverflowMessage());
        });
        yield return new ExtensionFunction("toTime", true, 1, static a => Wrap(Datetime(a[0]).ToTime()));
        yield return DurationLong("toMilliseconds", static d => d.ToMilliseconds());
        yield return DurationLong("toSeconds", static d => d.ToSeconds());
        yield return DurationLong("toMinutes", static d => d.ToMinutes());
        yield return DurationLong("toHours", static d => d.ToHours());
        yield return DurationLong("toDays", static d => d.ToDays());
    }

    private static CedarDateTime Datetime(CedarValue v) => ExtensionFunctions.Arg<CedarDateTime>(v, DatetimeType);

    private static CedarDuration Duration(CedarValue v) => ExtensionFunctions.Arg<CedarDuration>(v, DurationType);

    private static ExtensionFunction DurationLong(string name, Func<CedarDuration, long> convert) =>
        new(name, true, 1, a => LongValue.Of(convert(Duration(a[0]))));
}
