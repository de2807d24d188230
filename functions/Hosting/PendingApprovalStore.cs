using Dome.Core.Approvals;

namespace Dome.Functions.Hosting;

/// <summary>Stand-in until the policy module registers its approval store: every use fails, so an escalation denies (fail closed).</summary>
internal sealed class PendingApprovalStore : IApprovalStore
{
    public Task CreateAsync(Approval approval, CancellationToken cancellationToken) => throw Unavailable();

    public Task<Approval?> GetAsync(string tenantId, string id, CancellationToken cancellationToken) => throw Unavailable();

    public Task<IReadOnlyList<Approval>> ListAsync(string tenantId, ApprovalStatus? status, int limit, CancellationToken cancellationToken) => throw Unavailable();

    public Task<Approval?> DecideAsync(string tenantId, string id, ApprovalStatus decision, string decidedBy, string? comment, DateTimeOffset at, CancellationToken cancellationToken) => throw Unavailable();

    public Task<bool> ConsumeAsync(string tenantId, string id, DateTimeOffset at, CancellationToken cancellationToken) => throw Unavailable();

    private static NotSupportedException Unavailable() => new("the approval store is not wired in this build");
}
