namespace Dome.Cedar.Conformance;

/// <summary>One request of an integration test, with the expected decision, reasons and errors (policy id sets).</summary>
internal sealed record IntegrationRequest
{
    public required string Description { get; init; }

    public required EntityUid Principal { get; init; }

    public required EntityUid Action { get; init; }

    public required EntityUid Resource { get; init; }

    /// <summary>The context as raw JSON text (parsed later, possibly with a schema).</summary>
    public required string ContextJson { get; init; }

    public required Decision Decision { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    public required IReadOnlyList<string> Errors { get; init; }

    /// <summary>Whether the request is checked against the schema before it is authorized (`validateRequest`, default true).</summary>
    public bool ValidateRequest { get; init; } = true;
}
