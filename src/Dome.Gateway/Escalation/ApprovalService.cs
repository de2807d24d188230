using System.Security.Cryptography;
using Dome.Core.Approvals;
using Dome.Core.Errors;
using Dome.Core.Policy;
using Dome.Gateway.Policy;
using Microsoft.Extensions.Options;

namespace Dome.Gateway.Escalation;

/// <inheritdoc cref="IApprovalService"/>
internal sealed class ApprovalService(IApprovalStore store, IPolicyStore policies, TimeProvider time, IOptions<PolicyOptions> options) : IApprovalService
{
    public const string IdPrefix = "apr_";
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public async Task<Approval> RequestAsync(ToolCallFacts call, PolicyDecision escalation, CancellationToken cancellationToken)
    {
        var settings = await policies.GetSettingsAsync(call.TenantId, cancellationToken).ConfigureAwait(false);
        var lifetime = settings.ApprovalLifetimeSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : options.Value.ApprovalLifetime;
        var now = time.GetUtcNow();
        var approval = new Approval
        {
            Id = NewId(),
            TenantId = call.TenantId,
            AgentId = call.Agent.Id,
            UserId = call.User?.Id,
            Tool = call.Tool.Name,
            ArgumentsHash = ArgumentsHash.Of(call.Arguments),
            Reason = escalation.EscalationReason ?? "approval required",
            PolicyIds = escalation.PolicyIds,
            Intent = call.Intent,
            Status = ApprovalStatus.Pending,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        await store.CreateAsync(approval, cancellationToken).ConfigureAwait(false);
        return approval;
    }

    public async Task<ApprovalMatch> MatchAsync(ToolCallFacts call, string approvalId, CancellationToken cancellationToken)
    {
        var approval = (IsWellFormed(approvalId) ? await store.GetAsync(call.TenantId, approvalId, cancellationToken).ConfigureAwait(false) : null)
            ?? throw new DomeException(DomeErrorCode.InvalidRequest, $"`approvalId` `{Clip(approvalId)}` names no approval of this tenant: retry with the id the escalation returned", Reason("invalid_approval"));
        var kind = approval.AgentId != call.Agent.Id || approval.UserId != call.User?.Id || approval.Tool != call.Tool.Name
                || approval.ArgumentsHash != ArgumentsHash.Of(call.Arguments)
            ? ApprovalMatchKind.Mismatch
            : approval.IsExpired(time.GetUtcNow()) ? ApprovalMatchKind.Expired
            : approval.Status switch
            {
                ApprovalStatus.Approved => ApprovalMatchKind.Granted,
                ApprovalStatus.Pending => ApprovalMatchKind.Pending,
                ApprovalStatus.Used => ApprovalMatchKind.Used,
                _ => ApprovalMatchKind.Denied,
            };
        return new ApprovalMatch
        {
            Kind = kind,
            Approval = approval,
            Grant = kind == ApprovalMatchKind.Granted ? new ApprovalGrant { Id = approval.Id, By = approval.DecidedBy ?? "unknown", Reason = approval.Reason } : null,
        };
    }

    public Task<IReadOnlyList<Approval>> ListAsync(string tenantId, ApprovalStatus? status, CancellationToken cancellationToken) =>
        store.ListAsync(tenantId, status, 200, cancellationToken);

    public async Task<Approval> DecideAsync(string tenantId, string approvalId, bool approve, string decidedBy, string? comment, CancellationToken cancellationToken)
    {
        var current = (IsWellFormed(approvalId) ? await store.GetAsync(tenantId, approvalId, cancellationToken).ConfigureAwait(false) : null)
            ?? throw DomeException.NotFound($"no approval `{Clip(approvalId)}` in this tenant: `dome approvals list` shows the pending ones");
        var now = time.GetUtcNow();
        if (current.IsExpired(now))
        {
            throw new DomeException(DomeErrorCode.Conflict, $"approval `{approvalId}` expired at {current.ExpiresAt:u}: the agent must call again for a new one", Reason("approval_expired"));
        }

        var decided = await store.DecideAsync(tenantId, approvalId, approve ? ApprovalStatus.Approved : ApprovalStatus.Denied, decidedBy, comment, now, cancellationToken).ConfigureAwait(false);
        if (decided is null || decided.DecidedAt != now || decided.DecidedBy != decidedBy)
        {
            throw new DomeException(DomeErrorCode.Conflict, $"approval `{approvalId}` was already decided ({ApprovalStatusNames.Of(current.Status)})", Reason("approval_decided"));
        }

        return decided;
    }

    /// <summary>`apr_` + 26 base32 characters (130 random bits).</summary>
    public static string NewId() => IdPrefix + string.Create(26, 0, static (span, _) =>
    {
        Span<byte> bytes = stackalloc byte[26];
        RandomNumberGenerator.Fill(bytes);
        for (int i = 0; i < span.Length; i++)
        {
            span[i] = Alphabet[bytes[i] & 31];
        }
    });

    public static bool IsWellFormed(string id) =>
        id.Length == IdPrefix.Length + 26 && id.StartsWith(IdPrefix, StringComparison.Ordinal) && id.AsSpan(IdPrefix.Length).ContainsAnyExcept(Alphabet) == false;

    private static Dictionary<string, object?> Reason(string reason) => new() { ["reason"] = reason };

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
