using System.Text.Json;
using Dome.Core.Errors;

namespace Dome.Gateway.Output;

/// <summary>
/// What output governance does to a tool's responses, set on a connection or a tool (stored by the catalog as this
/// JSON document). Example:
/// <code>
/// { "redact": ["$.customer.ssn", "$.items[*].card"], "detect": ["secrets", "pii"],
///   "drop": [{ "records": "$.tickets[*]", "where": "$.visibility", "is": "internal" }], "maxBytes": 1048576 }
/// </code>
/// </summary>
public sealed record OutputRules
{
    public static readonly OutputRules None = new();

    // Absent members arrive as null from the serializer's initializer; they mean "none".
    private readonly IReadOnlyList<string> redact = [];
    private readonly IReadOnlyList<string> detect = [];
    private readonly IReadOnlyList<DropRule> drop = [];

    /// <summary>JSON paths whose values are replaced by <c>"[redacted]"</c> (see <see cref="JsonPathSyntax"/>).</summary>
    public IReadOnlyList<string> Redact { get => redact; init => redact = value ?? []; }

    /// <summary>Detectors of sensitive substrings: <c>secrets</c>, <c>pii</c>, or single ones (<see cref="Detectors"/>).</summary>
    public IReadOnlyList<string> Detect { get => detect; init => detect = value ?? []; }

    /// <summary>Records removed from the response when their predicate holds.</summary>
    public IReadOnlyList<DropRule> Drop { get => drop; init => drop = value ?? []; }

    /// <summary>The largest upstream body passed on, in bytes; a larger one is refused. The gateway's own cap applies too.</summary>
    public long? MaxBytes { get; init; }

    /// <summary>Pass bodies that are not text (images, archives) although detectors are on; they are not scanned.</summary>
    public bool AllowBinary { get; init; }

    public bool IsEmpty => Redact.Count == 0 && Detect.Count == 0 && Drop.Count == 0 && MaxBytes is null;

    /// <summary>Reads and validates a rules document.</summary>
    /// <exception cref="DomeException">With <see cref="DomeErrorCode.InvalidRequest"/> and what to fix.</exception>
    public static OutputRules Parse(string json)
    {
        OutputRules? rules;
        try
        {
            rules = JsonSerializer.Deserialize(json, OutputJsonContext.Default.OutputRules);
        }
        catch (JsonException e)
        {
            throw DomeException.Invalid($"the output rules are not valid: {e.Message}");
        }

        if (rules is null)
        {
            throw DomeException.Invalid("the output rules must be a JSON object");
        }

        rules.Compile();
        return rules;
    }

    public string ToJson() => JsonSerializer.Serialize(this, OutputJsonContext.Default.OutputRules);

    /// <summary>The rules of a connection and of one of its tools together: every redaction, detector and drop of both, the smaller cap.</summary>
    public static OutputRules Merge(OutputRules? connection, OutputRules? tool)
    {
        if (connection is null || connection.IsEmpty)
        {
            return tool ?? None;
        }

        if (tool is null || tool.IsEmpty)
        {
            return connection;
        }

        return new OutputRules
        {
            Redact = [.. connection.Redact.Union(tool.Redact, StringComparer.Ordinal)],
            Detect = [.. connection.Detect.Union(tool.Detect, StringComparer.Ordinal)],
            Drop = [.. connection.Drop, .. tool.Drop],
            MaxBytes = (connection.MaxBytes, tool.MaxBytes) switch
            {
                (null, var t) => t,
                (var c, null) => c,
                (var c, var t) => Math.Min(c.Value, t.Value),
            },
            AllowBinary = connection.AllowBinary && tool.AllowBinary,
        };
    }

    /// <summary>Parses the paths and detectors once, for <see cref="OutputGovernor.Apply"/>.</summary>
    /// <exception cref="DomeException">With <see cref="DomeErrorCode.InvalidRequest"/> when a path, detector or predicate is not valid.</exception>
    public CompiledOutputRules Compile() => CompiledOutputRules.From(this);
}
