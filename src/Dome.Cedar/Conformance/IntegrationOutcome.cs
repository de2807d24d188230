namespace Dome.Cedar.Conformance;

/// <summary>The result of one integration-test request: the expectation, the actual response, and whether they agree.</summary>
internal sealed record IntegrationOutcome(string File, int Index, IntegrationRequest Expected, AuthorizationResponse? Actual, string? Failure)
{
    public bool Passed => Failure is null;
}
