namespace Dome.Cedar.Tests.Differential.Oracle;

/// <summary>
/// The oracle's JSON policy format (EST) for a set of policies and templates, each as raw JSON
/// text keyed by the id it was asked under; ids that did not convert map to their error messages.
/// </summary>
internal sealed record OracleJsonPolicies(
    IReadOnlyDictionary<string, string> Policies,
    IReadOnlyDictionary<string, string> Templates,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Errors);
