using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using Dome.Core.Audit;
using Dome.Core.Catalog;
using Dome.Core.Errors;
using Dome.Core.Registry;
using Dome.Gateway.Credentials;
using Dome.Gateway.Diagnostics;
using Dome.Gateway.Forwarding;
using Dome.Gateway.Limits;
using Dome.Gateway.Output;
using Dome.Gateway.Policy;
using Dome.Tokens.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dome.Gateway.Pipeline;

/// <summary>
/// The governed tool call, fail-closed, as numbered steps (DESIGN.md "The gateway pipeline"):
/// <list type="number">
/// <item>Authenticate: the Dome token's signature, issuer, audience, expiry; every agent of its chain active.</item>
/// <item>Act-as: an agent that requires it must carry a verified end user.</item>
/// <item>Declared capability: the agent declared the tool (or its connection), and the catalog has it.</item>
/// <item>Arguments: valid against the tool's input schema and placeable in the upstream request.</item>
/// <item>Rate limits and quotas (429 + Retry-After).</item>
/// <item>Cedar policy: allow, deny or escalate (an approval bound to agent, user, tool and arguments).</item>
/// <item>Credential: fetched from the secret store by reference.</item>
/// <item>Forward, with a timeout; only the tool's credential and the <c>Dome-User-Assertion</c> go upstream.</item>
/// <item>Output governance: redact, filter, drop, cap.</item>
/// <item>Audit: one event per call, from <see cref="AuditAsync"/> only, whatever the outcome.</item>
/// <item>Return.</item>
/// </list>
/// A check (<c>/v1/check</c>) runs steps 1–6 and audits. The body is read between steps 1 and 2. Any step that
/// cannot complete records a <see cref="CallFailure"/> and every later step is skipped; step 10 still runs.
/// </summary>
internal sealed partial class ToolCallPipeline(
    DomeTokenValidator tokens,
    AgentStatusCache agents,
    ToolCatalog catalog,
    CallLimiter limiter,
    IPolicyDecisionPoint policy,
    CredentialInjector credentials,
    UserAssertionSigner assertions,
    UpstreamForwarder forwarder,
    OutputGovernor governor,
    OutputRulesCache outputRules,
    IAuditSink audit,
    GatewayDiagnostics diagnostics,
    TimeProvider time,
    IOptions<GatewayOptions> options,
    ILogger<ToolCallPipeline> logger)
{
    public async Task<CallOutcome> RunAsync(CallKind kind, string? bearerToken, Stream body, long? contentLength, CancellationToken cancellationToken)
    {
        using var activity = diagnostics.StartCall(kind == CallKind.Call ? "call" : "check");
        using var call = new CallState(kind, NewCallId(), new StepTimings(time));
        activity?.SetTag("dome.call_id", call.CallId);
        try
        {
            // :: Step 1: authenticate the token and its chain.
            if (await AuthenticateAsync(call, bearerToken, cancellationToken).ConfigureAwait(false)
                && await ReadAsync(call, body, contentLength, cancellationToken).ConfigureAwait(false)
                && ActAs(call)
                && await CapabilityAsync(call, cancellationToken).ConfigureAwait(false)
                && Validate(call)
                && await LimitsAsync(call, cancellationToken).ConfigureAwait(false)
                && await PolicyAsync(call, cancellationToken).ConfigureAwait(false)
                && kind == CallKind.Call)
            {
                // :: Steps 7–9: credential, forward, output governance.
                await ForwardAsync(call, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            call.Fail(CallFailure.Internal, "the caller went away before the call completed");
        }
        catch (Exception e)
        {
            // Fail closed: an unexpected error in any step denies; only a deliberate message crosses the boundary.
            var step = call.CurrentStep;
            GatewayLog.StepFailed(logger, call.CallId, step, e.GetType().Name, e);
            call.Fail(FailureOfUnexpected(step), $"step `{step}` could not complete, so the call is denied; retry later");
        }

        // :: Step 10: audit, always, from this one place.
        await AuditAsync(call, CancellationToken.None).ConfigureAwait(false);

        // :: Step 11: return.
        var outcome = Outcome(call);
        activity?.SetTag("dome.decision", outcome.Decision);
        activity?.SetTag("dome.code", CallFailures.CodeOf(call.Failure));
        diagnostics.RecordCall(kind == CallKind.Call ? "call" : "check", outcome.Decision, call.Failed ? CallFailures.CodeOf(call.Failure) : null, call.Timings.TotalMs);
        GatewayLog.Decided(logger, call.CallId, call.Principal?.TenantId, call.Agent?.Id, call.Request?.Tool, outcome.Decision, CallFailures.CodeOf(call.Failure), Math.Round(call.Timings.TotalMs, 3));
        return outcome;
    }

    private static CallFailure FailureOfUnexpected(string step) => step switch
    {
        PipelineSteps.Limits => CallFailure.LimitsUnavailable,
        PipelineSteps.Policy => CallFailure.PolicyError,
        PipelineSteps.Credential => CallFailure.CredentialUnavailable,
        PipelineSteps.Forward => CallFailure.UpstreamUnavailable,
        PipelineSteps.Output => CallFailure.OutputRejected,
        _ => CallFailure.Internal,
    };

    private StepScope Step(CallState call, string step)
    {
        call.CurrentStep = step;
        return new StepScope(call, step, diagnostics.StartStep(step), diagnostics, time);
    }

    private async ValueTask<bool> AuthenticateAsync(CallState call, string? bearerToken, CancellationToken cancellationToken)
    {
        using var scope = Step(call, PipelineSteps.Authenticate);
        if (bearerToken is null)
        {
            return call.Fail(CallFailure.Unauthenticated, "send a Dome access token as `Authorization: Bearer <token>` (get one at /oauth2/token)");
        }

        var check = await tokens.ValidateAsync(bearerToken, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!check.IsValid)
        {
            return call.Fail(CallFailure.Unauthenticated, check.Failure);
        }

        var principal = check.Token.Principal;
        var agent = await agents.GetAsync(principal.TenantId, principal.Agent.Id, cancellationToken).ConfigureAwait(false);
        if (agent is null || agent.Status != AgentStatus.Active)
        {
            return call.Fail(CallFailure.Unauthenticated, "the token's agent is not active");
        }

        call.Principal = principal;
        call.Agent = agent;
        return true;
    }

    /// <summary>Reads the body within the cap and parses it (after step 1, so bad input is audited under its tenant).</summary>
    private async ValueTask<bool> ReadAsync(CallState call, Stream body, long? contentLength, CancellationToken cancellationToken)
    {
        using var scope = Step(call, PipelineSteps.Read);
        var cap = options.Value.MaxRequestBytes;
        if (contentLength > cap)
        {
            return call.Fail(CallFailure.BodyTooLarge, $"the body has {contentLength} bytes; the gateway accepts at most {cap}");
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Clamp(contentLength ?? 4096, 16, cap + 1L));
        try
        {
            while (true)
            {
                var read = await body.ReadAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > cap)
                {
                    return call.Fail(CallFailure.BodyTooLarge, $"the body is larger than {cap} bytes, the most the gateway accepts");
                }
            }
        }
        catch (Exception e) when (e is IOException || (e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // The caller closed or reset the connection mid-body, or broke its framing (Kestrel: BadHttpRequestException, an IOException).
            return call.Fail(CallFailure.BodyIncomplete, $"the body broke off after {buffer.WrittenCount} bytes{(contentLength is { } declared ? $" of the {declared} declared" : string.Empty)}: the connection closed or its framing was invalid before the whole body arrived; send it again");
        }

        if (!ToolCallBody.TryParse(buffer.WrittenMemory, out var document, out var request, out var problem))
        {
            return call.Fail(CallFailure.InvalidBody, problem);
        }

        call.Document = document;
        call.Request = request;
        return true;
    }

    private bool ActAs(CallState call)
    {
        // :: Step 2: act-as.
        using var scope = Step(call, PipelineSteps.ActAs);
        return call.Agent!.RequireActAs != ActAsRequirement.Oidc || call.Principal!.User is not null
            || call.Fail(CallFailure.ActAsRequired, $"agent `{call.Agent.Name}` must act as a verified user: exchange the user's ID token with the agent's key as actor");
    }

    private async ValueTask<bool> CapabilityAsync(CallState call, CancellationToken cancellationToken)
    {
        // :: Step 3: declared capability, then the catalog.
        using var scope = Step(call, PipelineSteps.Capability);
        var requested = call.Request!.Tool;
        if (!ToolName.TryParse(requested, out var name, out var problem))
        {
            return call.Fail(CallFailure.UnknownTool, problem);
        }

        if (!ToolAccess.MayCall(call.Agent!, name))
        {
            return call.Fail(CallFailure.ToolNotDeclared, $"agent `{call.Agent!.Name}` did not declare tool `{name}` (nor its connection `{name.Connection}`)");
        }

        call.Tool = await catalog.FindAsync(call.Principal!.TenantId, name, cancellationToken).ConfigureAwait(false);
        return call.Tool is not null || call.Fail(CallFailure.UnknownTool, $"the catalog has no tool `{name}`; list tools with `dome tools list`");
    }

    private bool Validate(CallState call)
    {
        // :: Step 4: the arguments against the input schema, then their placement upstream.
        using var scope = Step(call, PipelineSteps.Validate);
        var tool = call.Tool!;
        var arguments = call.Request!.Arguments;
        var violations = tool.Schema.Validate(arguments);
        if (violations.Count > 0)
        {
            call.Violations = violations.Select(v => v.ToString()).ToArray();
            return call.Fail(CallFailure.InvalidArguments, $"the arguments do not match the input schema of `{tool.Tool.FullName}`: {call.Violations[0]}");
        }

        try
        {
            call.Upstream = UpstreamRequest.Build(tool.Connection, tool.Tool, arguments);
        }
        catch (DomeException e) when (e.Code == DomeErrorCode.InvalidRequest)
        {
            return call.Fail(CallFailure.InvalidArguments, e.Message);
        }

        var credentialHeader = tool.Connection.Auth.Kind == AuthKind.Header ? tool.Connection.Auth.HeaderName : null;
        foreach (var (header, _) in call.Upstream.Headers)
        {
            if (HeaderRules.IsReserved(header, credentialHeader))
            {
                return call.Fail(CallFailure.InvalidArguments, $"the argument `{header}` would set a reserved header upstream; the tool's binding must not send it");
            }
        }

        return true;
    }

    private async ValueTask<bool> LimitsAsync(CallState call, CancellationToken cancellationToken)
    {
        // :: Step 5: rate limits and quotas.
        using var scope = Step(call, PipelineSteps.Limits);
        var keys = new LimitKeys(call.Principal!.TenantId, call.Agent!.Name, call.Principal.User?.Customer, call.Tool!.Tool.FullName);
        var decision = await limiter.AcquireAsync(keys, cancellationToken).ConfigureAwait(false);
        call.Limit = decision;
        return decision.IsAllowed
            || call.Fail(CallFailure.RateLimited, $"the {decision.Kind} limit of {decision.Scope} `{decision.Name}` is reached; retry after {decision.RetryAfterSeconds} s");
    }

    private async ValueTask<bool> PolicyAsync(CallState call, CancellationToken cancellationToken)
    {
        // :: Step 6: Cedar, with escalation.
        using var scope = Step(call, PipelineSteps.Policy);
        var principal = call.Principal!;
        var tool = call.Tool!.Tool;
        var facts = new ToolCallFacts
        {
            TenantId = principal.TenantId,
            Agent = call.Agent!,
            User = principal.User is { } user ? new UserFacts { Id = user.QualifiedSubject, Email = user.Email, Customer = user.Customer } : null,
            Tool = new ToolFacts { Name = tool.FullName, Connection = tool.Connection, Operation = tool.Name, Tags = tool.Tags, Risk = tool.Risk ?? "medium" },
            Arguments = call.Request!.Arguments,
            Intent = call.Request.Intent,
            Chain = principal.Chain.Take(principal.Chain.Count - 1).Select(a => a.Id).ToArray(),
            ApprovalId = call.Request.ApprovalId,
        };

        PolicyDecision decision;
        try
        {
            decision = await policy.DecideAsync(facts, cancellationToken).ConfigureAwait(false);
        }
        catch (DomeException e) when (e.Code is DomeErrorCode.InvalidRequest or DomeErrorCode.NotFound)
        {
            return call.Fail(CallFailure.InvalidApproval, e.Message);
        }

        call.Decision = decision;
        return decision.Outcome switch
        {
            PolicyOutcome.Allow => true,
            PolicyOutcome.Escalate => call.Fail(CallFailure.Escalated, $"the call needs an approval ({decision.EscalationReason ?? "escalated by policy"}); approve `{decision.ApprovalId}` and retry with it as `approvalId`"),
            _ when decision.ErroredPolicyIds.Count > 0 || decision.DenyReason == PolicyDenyReasons.EvaluationError =>
                call.Fail(CallFailure.PolicyError, $"policy could not be evaluated{Named(decision.ErroredPolicyIds)}, so the call is denied"),
            _ => call.Fail(CallFailure.PolicyDenied, DenyMessage(decision)),
        };
    }

    private static string DenyMessage(PolicyDecision decision) => decision.DenyReason switch
    {
        PolicyDenyReasons.NoPermit => "no policy permits this call",
        "approval_mismatch" => $"approval `{decision.ApprovalId}` was given for another call (agent, user, tool or arguments differ)",
        "approval_denied" => $"approval `{decision.ApprovalId}` was denied",
        "approval_used" => $"approval `{decision.ApprovalId}` was already used",
        PolicyDenyReasons.JudgeDenied => "the judge refused the call",
        PolicyDenyReasons.JudgeUnavailable => "the judge did not answer in time, so the call is denied",
        _ => $"denied by policy{Named(decision.PolicyIds)}",
    };

    private static string Named(IReadOnlyList<string> ids) => ids.Count == 0 ? string.Empty : " " + string.Join(", ", ids.Select(id => "`" + id + "`"));

    /// <summary>
    /// <c>call_</c>, the time in milliseconds (12 hex digits), then 48 random bits: ids that sort by time keep the audit
    /// store's index on call ids appending at its end instead of touching a random page per event.
    /// </summary>
    private string NewCallId()
    {
        Span<byte> id = stackalloc byte[14];
        BinaryPrimitives.WriteInt64BigEndian(id, time.GetUtcNow().ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(id[8..]);
        return "call_" + Convert.ToHexStringLower(id[2..]);
    }
}
