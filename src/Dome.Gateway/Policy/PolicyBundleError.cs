namespace Dome.Gateway.Policy;

/// <summary>Why a bundle cannot be published: where (file, line, column when known) and what.</summary>
internal sealed record PolicyBundleError
{
    public required string File { get; init; }

    public int? Line { get; init; }

    public int? Column { get; init; }

    /// <summary>The policy's id when the error is about one policy.</summary>
    public string? PolicyId { get; init; }

    /// <summary>A stable code: `parse`, `schema`, `duplicate-id`, `template`, `annotation`, or the validator's code.</summary>
    public required string Code { get; init; }

    public required string Message { get; init; }

    public override string ToString() =>
        (Line is { } line ? $"{File}:{line}:{Column}" : File) + (PolicyId is null ? "" : $" ({PolicyId})") + $": {Message}";
}
