using Dome.Core.Approvals;
using Dome.Gateway.Policy;

namespace Dome.Gateway.Escalation;

/// <summary>Approval requests for escalated calls: created by the policy step, decided by administrators or the judge.</summary>
internal interface IApprovalService
{
    /// <summary>A pending approval bound to the call (agent, user, tool, arguments hash), expiring after the configured time.</summary>
    Task<Approval> RequestAsync(ToolCallFacts call, PolicyDecision escalation, CancellationToken cancellationToken);

    /// <summary>
    /// What the retry's <c>approvalId</c> amounts to for this call: see <see cref="ApprovalMatch"/>.
    /// </summary>
    /// <exception cref="Core.Errors.DomeException">The id is malformed or unknown in the tenant (400 <c>invalid_approval</c>).</exception>
    Task<ApprovalMatch> MatchAsync(ToolCallFacts call, string approvalId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Approval>> ListAsync(string tenantId, ApprovalStatus? status, CancellationToken cancellationToken);

    /// <exception cref="Core.Errors.DomeException">Unknown id (404), already decided or expired (409).</exception>
    Task<Approval> DecideAsync(string tenantId, string approvalId, bool approve, string decidedBy, string? comment, CancellationToken cancellationToken);
}
