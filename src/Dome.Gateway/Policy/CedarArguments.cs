using System.Globalization;
using System.Text.Json;
using Dome.Cedar;
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

    /// <summary>A Cedar <c>datetime</c> for <paramref name="time"/> (millisecond precision, UTC).</summary>
    public static CedarValue Datetime(DateTimeOffset time)
    {
        var text = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return Extension("datetime", text);
    }

    private static CedarValue? Value(JsonElement json)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                var attributes = new Dictionary<string, CedarValue>(StringComparer.Ordinal);
                foreach (var member in json.EnumerateObject())
                {
                    if (Value(member.Value) is { } value && !attributes.TryAdd(member.Name, value))
                    {
                        throw new PolicyInputException($"the arguments have the key `{member.Name}` twice in one object");
                    }
                }

                return new RecordValue(attributes);
            case JsonValueKind.Array:
                var items = new List<CedarValue>();
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

        var rounded = Math.Round(number, 4, MidpointRounding.AwayFromZero);
        return Extension("decimal", rounded.ToString("0.0###", CultureInfo.InvariantCulture));
    }

    private static CedarValue Extension(string function, string argument)
    {
        // The engine builds extension values from its JSON escape; the attribute name is fixed and the argument
        // is a well-formed literal written above, so this parse cannot be steered by the caller.
        var json = "{\"v\":{\"__extn\":{\"fn\":\"" + function + "\",\"arg\":\"" + argument + "\"}}}";
        return Request.ParseContext(json).Attributes["v"];
    }
}
