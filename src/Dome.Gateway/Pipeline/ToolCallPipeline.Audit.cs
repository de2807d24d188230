using System.Text.Json;
using Dome.Core.Audit;
using Dome.Gateway.Diagnostics;
using Dome.Gateway.Output;
using Dome.Gateway.Policy;
using Dome.Tokens.Validation;

namespace Dome.Gateway.Pipeline;

/// <summary>Steps 10 and 11: the one audit event of the call, and the outcome the endpoint renders.</summary>
internal sealed partial class ToolCallPipeline
{
    /// <summary>
    /// Step 10: writes the call's final audit event (stage <see cref="AuditStages.Completed"/>) through the audit sink,
    /// which completes once it is durable on the <c>dome-audit</c> queue (the <c>audit</c> function stores it, retrying
    /// while the store is down). If it cannot be written, the result is withheld (503 <c>audit_unavailable</c>): no
    /// result leaves the gateway unaudited. Unauthenticated calls have no tenant to be filed under and are only logged.
    /// </summary>
    private async Task AuditAsync(CallState call, CancellationToken cancellationToken)
    {
        if (call.Principal is not { } principal)
        {
            GatewayLog.Unauthenticated(logger, call.CallId);
            return;
        }

        using var scope = Step(call, PipelineSteps.Audit);
        try
        {
            await audit.WriteAsync(EventOf(call, principal, AuditStages.Completed), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            GatewayLog.AuditFailed(logger, call.CallId, principal.TenantId, e);
            call.Override(CallFailure.AuditUnavailable, "the call could not be audited, so its result is withheld; retry later");
        }
    }

    /// <summary>
    /// Step 8a: the allowed call's event at stage <see cref="AuditStages.Decided"/>, durable before the upstream is
    /// called; when it cannot be written the call is not forwarded (503 <c>audit_unavailable</c>). A crash after this
    /// point still leaves the decided event on the queue, so every forwarded call is in the audit trail.
    /// </summary>
    private async ValueTask<bool> AuditDecidedAsync(CallState call, CancellationToken cancellationToken)
    {
        using var scope = Step(call, PipelineSteps.AuditDecided);
        try
        {
            await audit.WriteAsync(EventOf(call, call.Principal!, AuditStages.Decided), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            GatewayLog.AuditFailed(logger, call.CallId, call.Principal!.TenantId, e);
            return call.Fail(CallFailure.AuditUnavailable, "the call could not be audited, so it was not forwarded; retry later");
        }
    }

    private AuditEvent EventOf(CallState call, DomePrincipal principal, int stage)
    {
        var decision = call.Decision;
        return new AuditEvent
        {
            Id = call.CallId,
            Stage = stage,
            Kind = call.Kind == CallKind.Call ? AuditEventKinds.ToolCall : AuditEventKinds.ToolCheck,
            Time = time.GetUtcNow(),
            TenantId = principal.TenantId,
            AgentId = principal.Agent.Id,
            AgentName = principal.Agent.Name,
            UserId = principal.User?.QualifiedSubject,
            Chain = principal.Chain.Reverse().Select(a => a.Id).ToArray(),
            Tool = call.Request?.Tool,
            Intent = call.Request?.Intent,
            Decision = CallFailures.DecisionOf(call.Failure),
            Reason = call.Failed ? CallFailures.CodeOf(call.Failure) : null,
            PolicyIds = decision is null ? [] : [.. decision.PolicyIds, .. decision.ErroredPolicyIds],
            PolicyVersion = decision?.PolicyVersion,
            ApprovalId = decision?.ApprovalId ?? call.Request?.ApprovalId,
            UpstreamStatus = call.UpstreamStatus,
            Redactions = call.Redactions.ToDictionary(),
            LatencyMs = call.Timings.Snapshot(),
            Arguments = AuditedArguments(call),
        };
    }

    /// <summary>The arguments, only for a tool marked to audit them, redacted by its output rules; null otherwise or when they cannot be redacted.</summary>
    private JsonElement? AuditedArguments(CallState call)
    {
        if (call.Tool is not { Tool.AuditArguments: true } tool || call.Request is null)
        {
            return null;
        }

        try
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(call.Request.Arguments);
            var governed = governor.Apply(bytes, "application/json", outputRules.For(tool.Entry));
            if (governed.IsRejected)
            {
                return null;
            }

            var reader = new Utf8JsonReader(governed.Body.Span);
            return JsonElement.ParseValue(ref reader);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    private static CallOutcome Outcome(CallState call)
    {
        var decision = call.Decision;
        return new CallOutcome
        {
            CallId = call.CallId,
            Failure = call.Failure,
            Decision = CallFailures.DecisionOf(call.Failure),
            Message = call.Message,
            PolicyIds = decision is null ? [] : decision.ErroredPolicyIds.Count > 0 ? decision.ErroredPolicyIds : decision.PolicyIds,
            PolicyVersion = decision?.PolicyVersion,
            ApprovalId = decision is { Outcome: PolicyOutcome.Escalate } or { ApprovalId: not null } ? decision.ApprovalId : null,
            RetryAfterSeconds = call.Failure == CallFailure.RateLimited ? call.Limit.RetryAfterSeconds : null,
            Violations = call.Violations,
            Result = call.Result,
        };
    }
}
