namespace Dome.Cedar.Tests.Differential.Oracle;

/// <summary>The oracle's answers for one case: parse errors of the policy set, or one response per request.</summary>
internal sealed record OracleCaseResult(string Name, IReadOnlyList<string>? ParseErrors, IReadOnlyList<OracleResponse> Responses);
