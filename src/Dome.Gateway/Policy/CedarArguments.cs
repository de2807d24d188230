using System.Text.Json;
using Dome.Cedar.Evaluation;

namespace Dome.Gateway.Policy;

/// <summary>
/// JSON arguments → Cedar values: objects → records, arrays → sets, integers (also `10.0`) → Long, numbers with a
/// fraction → decimal (rounded to Cedar's 4 fractional digits), strings, booleans; <c>null</c> members are left out (Cedar has no null,
/// so <c>has</c> is false for them). A duplicate key or an out-of-range number fails: the call is denied.
/// </summary>
internal static class CedarArguments
{
    public static RecordValue Convert(JsonElement args) => (RecordValue)Value(args)!;

    /// <summary>A Cedar <c>datetime</c> for <paramref name="time"/> (millisecond precision, UTC; finer parts are dropped).</summary>
    public static CedarValue Datetime(DateTimeOffset time) => ExtensionValue.DatetimeFromEpochMilliseconds(time.ToUnixTimeMilliseconds());

    private static CedarValue? Value(JsonElement json)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                var attributes = new Dictionary<string, CedarValue>(json.GetPropertyCount(), StringComparer.Ordinal);
                foreach (var member in json.EnumerateObject())
                {
                    if (Value(member.Value) is { } value && !attributes.TryAdd(ArgumentNames.Of(member), value))
                    {
                        throw new PolicyInputException($"the arguments have the key `{member.Name}` twice in one object");
                    }
                }

                return RecordValue.FromDictionary(attributes);
            case JsonValueKind.Array:
                var items = new List<CedarValue>(json.GetArrayLength());
                foreach (var item in json.EnumerateArray())
                {
                    if (Value(item) is { } value)
                    {
                        items.Add(value);
                    }
                }

                return SetValue.Of(items);
            case JsonValueKind.String:
                return new StringValue(json.GetString()!);
            case JsonValueKind.Number:
                return json.TryGetInt64(out var whole) ? LongValue.Of(whole) : Decimal(json);
            case JsonValueKind.True:
                return BoolValue.True;
            case JsonValueKind.False:
                return BoolValue.False;
            default:
                return null;
        }
    }

    private static CedarValue Decimal(JsonElement json)
    {
        if (!json.TryGetDecimal(out var number) || Math.Abs(number) >= 922_337_203_685_477m)
        {
            throw new PolicyInputException("a number in the arguments is out of the range policies can compare (±922337203685477.5807)");
        }

        if (number == decimal.Truncate(number))
        {
            return LongValue.Of((long)number);
        }

        // :: Cedar decimals have four fractional digits: round to them, then scale (exact, and in range after the check above).
        var rounded = Math.Round(number, 4, MidpointRounding.AwayFromZero);
        return ExtensionValue.DecimalFromScaled((long)(rounded * 10_000m));
    }
}
