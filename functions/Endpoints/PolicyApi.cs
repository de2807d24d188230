using Dome.Core.Approvals;
using Dome.Core.Audit;
using Dome.Core.Errors;
using Dome.Core.Policy;
using Dome.Functions.Contracts;
using Dome.Gateway.Escalation;
using Dome.Gateway.Policy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dome.Functions.Endpoints;

/// <summary>
/// <c>/v1/admin/policy</c> (publish and show the live set, escalation settings), <c>/v1/admin/approvals</c>
/// (list and decide escalated calls) and <c>GET /v1/audit</c> (the tenant's audit trail, paged).
/// </summary>
internal static class PolicyApi
{
    public static WebApplication MapPolicyApi(this WebApplication app)
    {
        var admin = app.MapGroup("/v1/admin").RequireAdmin();
        var policy = admin.MapGroup("/policy").WithTags("Policy");
        policy.MapGet("/", ShowAsync).WithName("ShowPolicy").WithSummary("The live policy set: version, files, policies and the versions published before.");
        policy.MapPost("/", PublishAsync).Accepts<PublishPolicyRequest>("application/json").WithName("PublishPolicy")
            .WithSummary("Validate Cedar files against the schema and, when valid, make them the live version (named by content hash).");
        policy.MapGet("/settings", SettingsAsync).WithName("ShowPolicySettings").WithSummary("Escalation settings: judge webhook, its time bound, approval lifetime.");
        policy.MapPost("/settings", SetSettingsAsync).Accepts<PolicySettings>("application/json").WithName("SetPolicySettings")
            .WithSummary("Replace the escalation settings; omitted members go back to Dome's defaults.");

        var approvals = admin.MapGroup("/approvals").WithTags("Approvals");
        approvals.MapGet("/", ListApprovalsAsync).WithName("ListApprovals").WithSummary("Approval requests, newest first; `status` filters (pending, approved, denied, used).");
        approvals.MapGet("/{id}", ShowApprovalAsync).WithName("ShowApproval").WithSummary("One approval request.");
        approvals.MapPost("/{id}/{decision}", DecideAsync).WithName("DecideApproval").WithSummary("`approve` or `deny` a pending request.");

        app.MapGroup("/v1/audit").RequireAdmin().WithTags("Audit").MapGet(string.Empty, QueryAuditAsync).WithName("QueryAudit")
            .WithSummary("The tenant's audit events, newest first, filtered by agent, user, tool, decision and time; paged by `continuationToken`.");
        return app;
    }

    private static async Task<Ok<PolicyView>> ShowAsync(HttpContext http, IPolicySetProvider provider, IPolicyStore store, CancellationToken cancellationToken)
    {
        var tenant = http.TenantId();
        var set = await provider.GetAsync(tenant, cancellationToken).ConfigureAwait(false);
        var history = await store.ListAsync(tenant, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(PolicyView.Of(set, history.Count > 0, history));
    }

    private static async Task<Ok<PolicyView>> PublishAsync(HttpContext http, PolicyPublisher publisher, IPolicyStore store, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsync<PublishPolicyRequest>(http.Request, cancellationToken).ConfigureAwait(false);
        if (request.Files.Count == 0)
        {
            throw DomeException.Invalid("`files` is empty: send at least one Cedar file (name → text)");
        }

        CompiledPolicySet compiled;
        try
        {
            compiled = await publisher.PublishAsync(http.TenantId(), request.Files, request.Schema, http.Caller().Actor, cancellationToken).ConfigureAwait(false);
        }
        catch (PolicyBundleException e)
        {
            throw new DomeException(
                DomeErrorCode.InvalidRequest,
                $"the policy set is invalid ({e.Errors.Count} error(s)); nothing was published: fix the errors listed and publish again",
                new Dictionary<string, object?> { ["reason"] = "invalid_policy", ["errors"] = e.Errors });
        }

        var history = await store.ListAsync(http.TenantId(), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(PolicyView.Of(compiled, true, history));
    }

    private static async Task<Ok<PolicySettings>> SettingsAsync(HttpContext http, IPolicyStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetSettingsAsync(http.TenantId(), cancellationToken).ConfigureAwait(false));

    private static async Task<Ok<PolicySettings>> SetSettingsAsync(HttpContext http, IPolicyStore store, CancellationToken cancellationToken)
    {
        var settings = await JsonBody.ReadAsync<PolicySettings>(http.Request, cancellationToken).ConfigureAwait(false);
        if (settings.JudgeUrl is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            throw DomeException.Invalid($"`judgeUrl` `{url}` is not an absolute http(s) URL");
        }

        if (settings.JudgeTimeoutMs is < 1 or > 60_000)
        {
            throw DomeException.Invalid("`judgeTimeoutMs` must be between 1 and 60000");
        }

        if (settings.ApprovalLifetimeSeconds is < 10 or > 604_800)
        {
            throw DomeException.Invalid("`approvalLifetimeSeconds` must be between 10 and 604800 (7 days)");
        }

        await store.SetSettingsAsync(http.TenantId(), settings, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(settings);
    }

    private static async Task<Ok<ApprovalView[]>> ListApprovalsAsync(HttpContext http, IApprovalService approvals, TimeProvider time, string? status, CancellationToken cancellationToken)
    {
        ApprovalStatus? filter = string.IsNullOrEmpty(status) ? null
            : ApprovalStatusNames.TryParse(status, out var wanted) ? wanted
            : throw DomeException.Invalid($"unknown approval status `{status}`: use `pending`, `approved`, `denied` or `used`");
        var list = await approvals.ListAsync(http.TenantId(), filter, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return TypedResults.Ok(list.Select(a => ApprovalView.Of(a, now)).ToArray());
    }

    private static async Task<Ok<ApprovalView>> ShowApprovalAsync(HttpContext http, IApprovalStore store, TimeProvider time, string id, CancellationToken cancellationToken)
    {
        var approval = (ApprovalService.IsWellFormed(id) ? await store.GetAsync(http.TenantId(), id, cancellationToken).ConfigureAwait(false) : null)
            ?? throw DomeException.NotFound($"no approval `{id}` in this tenant");
        return TypedResults.Ok(ApprovalView.Of(approval, time.GetUtcNow()));
    }

    private static async Task<Ok<ApprovalView>> DecideAsync(HttpContext http, IApprovalService approvals, TimeProvider time, string id, string decision, CancellationToken cancellationToken)
    {
        var approve = decision switch
        {
            "approve" => true,
            "deny" => false,
            _ => throw DomeException.NotFound($"unknown approval action `{decision}`: use `approve` or `deny`"),
        };
        var comment = http.Request.ContentLength is > 0
            ? (await JsonBody.ReadAsync<DecideApprovalRequest>(http.Request, cancellationToken).ConfigureAwait(false)).Comment
            : null;
        var decided = await approvals.DecideAsync(http.TenantId(), id, approve, http.Caller().Actor, comment, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(ApprovalView.Of(decided, time.GetUtcNow()));
    }

    private static async Task<Ok<AuditPageView>> QueryAuditAsync(
        HttpContext http, IAuditStore store, string? agent, string? user, string? tool, string? decision,
        DateTimeOffset? since, DateTimeOffset? until, int? limit, string? continuationToken, CancellationToken cancellationToken)
    {
        if (decision is not null && !AuditDecisions.IsKnown(decision))
        {
            throw DomeException.Invalid($"unknown decision `{decision}`: use `allow`, `deny`, `escalate` or `error`");
        }

        if (limit is < 1 or > 1000)
        {
            throw DomeException.Invalid("`limit` must be between 1 and 1000");
        }

        var page = await store.QueryAsync(
            new AuditQuery
            {
                TenantId = http.TenantId(),
                Agent = agent,
                UserId = user,
                Tool = tool,
                Decision = decision,
                Since = since,
                Until = until,
                Limit = limit ?? 100,
                ContinuationToken = continuationToken,
            },
            cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new AuditPageView { Events = page.Events, ContinuationToken = page.ContinuationToken });
    }
}
