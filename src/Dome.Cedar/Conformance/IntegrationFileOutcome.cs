using Dome.Cedar.Validation;

namespace Dome.Cedar.Conformance;

/// <summary>
/// The result of one integration-test file: whether its policies validate against its schema (compared with
/// `shouldValidate`) and the outcome of each request.
/// </summary>
internal sealed record IntegrationFileOutcome
{
    public required string File { get; init; }

    /// <summary>The expectation used: the file's `shouldValidate`, or true when the file is listed as a 4.13 flip.</summary>
    public required bool ShouldValidate { get; init; }

    /// <summary>Whether strict validation passed; null when not checked (no schema, validation off, or unreadable input).</summary>
    public bool? Validates { get; init; }

    /// <summary>The validator's answer when validation ran.</summary>
    public ValidationResult? Validation { get; init; }

    /// <summary>Why the file itself failed (unreadable schema or policies, or validation disagreeing with `shouldValidate`).</summary>
    public string? Failure { get; init; }

    public required IReadOnlyList<IntegrationOutcome> Requests { get; init; }

    /// <summary>True when the file's own check and every request passed.</summary>
    public bool Passed => Failure is null && Requests.All(r => r.Passed);
}
