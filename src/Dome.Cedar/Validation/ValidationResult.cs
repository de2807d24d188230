namespace Dome.Cedar.Validation;

/// <summary>The outcome of validating policies against a schema; only errors make it invalid.</summary>
public sealed record ValidationResult(IReadOnlyList<ValidationDiagnostic> Errors, IReadOnlyList<ValidationDiagnostic> Warnings)
{
    /// <summary>True when there are no errors (warnings allowed).</summary>
    public bool IsValid => Errors.Count == 0;
}
