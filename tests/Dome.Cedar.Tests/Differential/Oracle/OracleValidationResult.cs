namespace Dome.Cedar.Tests.Differential.Oracle;

/// <summary>
/// cedar-wasm's strict validation of a policy set against one schema: errors and warnings as
/// (policy id, message), or, when the schema or the policies do not parse, the failure.
/// </summary>
internal sealed record OracleValidationResult(
    IReadOnlyList<string>? Failure,
    IReadOnlyList<(string PolicyId, string Message)> Errors,
    IReadOnlyList<(string PolicyId, string Message)> Warnings);
