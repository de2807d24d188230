namespace Dome.Core.Approvals;

/// <summary>Approval requests per tenant.</summary>
public interface IApprovalStore
{
    Task CreateAsync(Approval approval, CancellationToken cancellationToken);

    /// <summary>The approval, or null when the tenant has none with that id.</summary>
    Task<Approval?> GetAsync(string tenantId, string id, CancellationToken cancellationToken);

    /// <summary>The tenant's approvals, newest first, optionally of one status.</summary>
    Task<IReadOnlyList<Approval>> ListAsync(string tenantId, ApprovalStatus? status, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Records the decision if the approval is still pending (compare-and-set); returns the stored approval
    /// afterwards, or null when there is none with that id.
    /// </summary>
    Task<Approval?> DecideAsync(string tenantId, string id, ApprovalStatus decision, string decidedBy, string? comment, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Marks an approved approval as used by its retry (compare-and-set); false when it was not approved or already used.</summary>
    Task<bool> ConsumeAsync(string tenantId, string id, DateTimeOffset at, CancellationToken cancellationToken);
}
