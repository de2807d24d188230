using System.Globalization;
using Dome.Storage.Azure.Tables;

namespace Dome.Storage.Azure.Stores;

/// <summary>
/// Builds the keys of the limit, policy, approval and audit tables: parts joined by <c>|</c>, each encoded by
/// <see cref="TableKey.Encode"/> (which escapes <c>|</c> too), so no user-chosen name can run into the next part.
/// </summary>
internal static class StoreKeyParts
{
    public const char Separator = '|';

    /// <summary>One key part: any string, made safe for a key and free of <see cref="Separator"/>.</summary>
    public static string Part(string value) => TableKey.Encode(value);

    /// <summary>The string a <see cref="Part"/> was made from.</summary>
    public static string Unpart(string part) => TableKey.Decode(part);

    /// <summary><c>yyyyMMdd</c>: sorts like the days it names.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static DateOnly Day(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);

    public static bool TryParseDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>Ticks counted down from the end of time, fixed width: ascending keys run newest first.</summary>
    public static string Inverted(DateTimeOffset time) =>
        (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>Keys that start with <paramref name="prefix"/> sort below this bound.</summary>
    public static string UpperBound(string prefix) => string.Concat(prefix.AsSpan(0, prefix.Length - 1), ((char)(prefix[^1] + 1)).ToString());
}
