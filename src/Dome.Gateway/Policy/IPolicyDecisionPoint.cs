namespace Dome.Gateway.Policy;

/// <summary>
/// Step 6 of the pipeline: decides a call against the tenant's live policy set, handling escalation
/// (approval requests, the judge webhook) and retries that carry an <c>approvalId</c>.
/// </summary>
internal interface IPolicyDecisionPoint
{
    /// <summary>Decides the call. Never throws for a decision; throws <see cref="Core.Errors.DomeException"/> for bad input.</summary>
    /// <exception cref="Core.Errors.DomeException">The <c>approvalId</c> is unknown or malformed (400 <c>invalid_approval</c>).</exception>
    ValueTask<PolicyDecision> DecideAsync(ToolCallFacts call, CancellationToken cancellationToken);
}
