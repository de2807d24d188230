namespace Dome.Cedar.Tests.Differential.Oracle;

/// <summary>The oracle's validation answers for one case: one per schema given, and its text printing of the first (JSON) schema.</summary>
internal sealed record OracleValidation(string Name, IReadOnlyList<OracleValidationResult> Results, string? Text);
