using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dome.Gateway.Output;

/// <summary>
/// Rewrites one parsed JSON body: walks it once, matching every path as a small automaton (the states of a node are
/// the path steps it has reached), dropping and redacting what the paths select and filtering strings through the
/// detectors. Subtrees no path can reach and no detector needs are copied as they are. One instance per thread,
/// reused; its buffers are cleared after each body.
/// </summary>
internal sealed partial class JsonRedactor
{
    private const int ReuseLimit = 1 << 20;
    private static readonly byte[] RedactedValue = "[redacted]"u8.ToArray();
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    [ThreadStatic]
    private static JsonRedactor? cached;

    private readonly ArrayBufferWriter<byte> output = new(4096);
    private readonly Utf8JsonWriter writer;
    private readonly PooledBuffer scratch = new();
    private readonly PooledBuffer filtered = new();
    private int[] states = new int[64];
    private int top;
    private PathSet paths;
    private DetectorSet detectors;
    private RedactionCounts counts;

    private JsonRedactor() => writer = new Utf8JsonWriter(output, WriterOptions);

    /// <summary>Rewrites <paramref name="root"/>; returns the new body, or null when nothing was removed.</summary>
    public static byte[]? Rewrite(JsonElement root, PathSet paths, DetectorSet detectors, out RedactionCounts counts)
    {
        var redactor = cached ?? new JsonRedactor();
        cached = null;
        try
        {
            return redactor.Run(root, paths, detectors, out counts);
        }
        finally
        {
            redactor.Reset();
            if (redactor.output.Capacity <= ReuseLimit)
            {
                cached = redactor;
            }
        }
    }

    private byte[]? Run(JsonElement root, PathSet set, DetectorSet detectorSet, out RedactionCounts result)
    {
        paths = set;
        detectors = detectorSet;
        counts = default;
        for (var p = 0; p < paths.Count; p++)
        {
            Push(State(p, 0), 0);
        }

        if (Decide(root, 0, top) == NodeAction.Drop)
        {
            writer.WriteNullValue();
        }

        writer.Flush();
        result = counts;
        return counts.Total == 0 ? null : output.WrittenSpan.ToArray();
    }

    private void Reset()
    {
        writer.Reset();
        output.Clear();
        scratch.Clear();
        filtered.Clear();
        top = 0;
        paths = default;
    }

    private static int State(int path, int step) => (path << 8) | step;

    private static int PathOf(int state) => state >> 8;

    private static int StepOf(int state) => state & 0xFF;

    private void Push(int state, int from)
    {
        for (var i = from; i < top; i++)
        {
            if (states[i] == state)
            {
                return;
            }
        }

        if (top == states.Length)
        {
            Array.Resize(ref states, states.Length * 2);
        }

        states[top++] = state;
    }

    private enum NodeAction
    {
        Written,
        Drop,
    }

    private static ReadOnlySpan<byte> Unquoted(ReadOnlySpan<byte> raw) =>
        raw.Length >= 2 && raw[0] == '"' ? raw[1..^1] : raw;

    /// <summary>The unescaped UTF-8 of a string value (the raw bytes when it has no escapes).</summary>
    private ReadOnlySpan<byte> Utf8Of(JsonElement element, out bool escaped)
    {
        var raw = Unquoted(JsonMarshal.GetRawUtf8Value(element));
        escaped = raw.IndexOf((byte)'\\') >= 0;
        if (!escaped)
        {
            return raw;
        }

        scratch.Clear();
        scratch.Append(Encoding.UTF8.GetBytes(element.GetString()!));
        return scratch.WrittenSpan;
    }
}
