using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Dome.Gateway.Output;

/// <summary>
/// Step 9 of the pipeline: output governance. Caps the body's size, then, for JSON, drops the records and redacts
/// the paths the rules select and filters every string (member names too) through the detectors; for other text,
/// filters it through the detectors. Refuses (fails closed) when the body is too large, when path or record rules
/// meet a body that is not JSON, and when detectors meet a binary body the rules do not allow.
/// </summary>
public sealed class OutputGovernor
{
    private const int MaxCachedPaths = 4096;
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 128 };
    private readonly ConcurrentDictionary<string, PathSegment[]?> extraPaths = new(StringComparer.Ordinal);
    private readonly long maxBytes;

    public OutputGovernor(IOptions<OutputOptions> options) => maxBytes = options.Value.MaxResponseBytes;

    /// <summary>The largest body to read from the upstream for these rules: the pipeline stops reading one byte past it.</summary>
    public long MaxBytesFor(CompiledOutputRules rules) => Math.Min(maxBytes, rules.MaxBytes ?? long.MaxValue);

    /// <summary>
    /// Applies output rules to an upstream body. <paramref name="extraRedactions"/> are paths added for this call
    /// (the <c>@redact</c> annotations of the determining policies). Thread-safe; allocates only the governed body,
    /// and only when something was removed.
    /// </summary>
    public OutputResult Apply(ReadOnlyMemory<byte> body, string? contentType, CompiledOutputRules rules, IReadOnlyList<string>? extraRedactions = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var cap = MaxBytesFor(rules);
        if (body.Length > cap)
        {
            return OutputResult.Rejected(OutputRejection.TooLarge, $"the tool's response is larger than {cap} bytes, the cap its output rules allow");
        }

        if (!TryResolve(extraRedactions, out var extra, out var invalid))
        {
            return OutputResult.Rejected(OutputRejection.InvalidRule, $"a redaction added by policy is not a valid path: {invalid}");
        }

        var detectors = rules.DetectorSet;
        var needsJson = rules.NeedsJson || extra.Length > 0;
        if ((!needsJson && detectors == DetectorSet.None) || body.IsEmpty)
        {
            return OutputResult.Unchanged(body);
        }

        var span = body.Span;
        if (needsJson || ContentKinds.IsJson(contentType) || (string.IsNullOrEmpty(contentType) && ContentKinds.LooksLikeJson(span)))
        {
            JsonDocument? document = null;
            try
            {
                document = JsonDocument.Parse(body, ParseOptions);
            }
            catch (JsonException) when (!needsJson)
            {
                // Declared JSON but not: scanned as text below.
            }
            catch (JsonException)
            {
                return OutputResult.Rejected(OutputRejection.NotJson, "the tool's output rules select JSON paths or records, but its response is not valid JSON");
            }

            if (document is not null)
            {
                using (document)
                {
                    var rewritten = JsonRedactor.Rewrite(document.RootElement, new PathSet(rules, extra), detectors, out var counts);
                    return rewritten is null ? OutputResult.Unchanged(body) : new OutputResult(rewritten, true, counts, OutputRejection.None, null);
                }
            }
        }

        return ApplyToText(body, contentType, rules, detectors);
    }

    private static OutputResult ApplyToText(ReadOnlyMemory<byte> body, string? contentType, CompiledOutputRules rules, DetectorSet detectors)
    {
        if (!ContentKinds.IsText(contentType, body.Span))
        {
            return rules.Rules.AllowBinary
                ? OutputResult.Unchanged(body)
                : OutputResult.Rejected(OutputRejection.Binary, "the tool's response is not text, so it cannot be scanned for secrets and personal data; set `allowBinary` in its output rules to pass it");
        }

        using var output = new PooledBuffer(body.Length + 64);
        var counts = default(RedactionCounts);
        return SensitiveText.Redact(body.Span, detectors, ref counts, output)
            ? new OutputResult(output.WrittenSpan.ToArray(), true, counts, OutputRejection.None, null)
            : OutputResult.Unchanged(body);
    }

    private bool TryResolve(IReadOnlyList<string>? paths, out PathSegment[][] resolved, out string? problem)
    {
        problem = null;
        if (paths is null || paths.Count == 0)
        {
            resolved = [];
            return true;
        }

        resolved = new PathSegment[paths.Count][];
        for (var i = 0; i < paths.Count; i++)
        {
            if (!extraPaths.TryGetValue(paths[i], out var segments))
            {
                JsonPathSyntax.TryParse(paths[i], out segments, out _);
                if (extraPaths.Count < MaxCachedPaths)
                {
                    extraPaths.TryAdd(paths[i], segments);
                }
            }

            if (segments is null)
            {
                JsonPathSyntax.TryValidate(paths[i], out problem);
                return false;
            }

            resolved[i] = segments;
        }

        return true;
    }
}
