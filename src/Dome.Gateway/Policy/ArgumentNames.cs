using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Dome.Gateway.Policy;

/// <summary>
/// Argument names as strings, shared across calls: the same few names (`amount`, `subject`, …) arrive call after call,
/// so a name seen before is looked up from the document's bytes instead of allocated again. Bounded: past
/// <see cref="MaxNames"/> distinct names, or for long or escaped names, a name is read as usual.
/// </summary>
internal static class ArgumentNames
{
    public const int MaxNames = 1024;
    private const int MaxLength = 64;

    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ByChars = Names.GetAlternateLookup<ReadOnlySpan<char>>();
    private static int count;

    public static string Of(JsonProperty member)
    {
        // :: Without a backslash the raw UTF-8 of a name is the name itself (the document is already validated).
        var raw = JsonMarshal.GetRawUtf8PropertyName(member);
        if (raw.Length > MaxLength || raw.Contains((byte)'\\'))
        {
            return member.Name;
        }

        Span<char> chars = stackalloc char[MaxLength];
        int length = Encoding.UTF8.GetChars(raw, chars);
        if (ByChars.TryGetValue(chars[..length], out var known))
        {
            return known;
        }

        var name = new string(chars[..length]);
        if (Interlocked.Increment(ref count) <= MaxNames)
        {
            Names.TryAdd(name, name);
        }

        return name;
    }
}
