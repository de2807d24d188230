using Dome.Functions.Contracts;
using Dome.Gateway.Pipeline;
using Microsoft.AspNetCore.Http.Features;

namespace Dome.Functions.Endpoints;

/// <summary>
/// The governed tool call: <c>POST /v1/tools/call</c> (steps 1–11) and <c>POST /v1/check</c> (steps 1–6), both with a
/// Dome access token. The pipeline decides; this file only renders its outcome.
/// </summary>
internal static class GatewayApi
{
    public static WebApplication MapGatewayApi(this WebApplication app)
    {
        app.MapPost("/v1/tools/call", CallAsync).WithTags("Gateway").WithName("CallTool")
            .WithSummary("Calls a tool through the governed pipeline: allow with the tool's result, or a 403 problem with the decision (deny | escalate).");
        app.MapPost("/v1/check", CheckAsync).WithTags("Gateway").WithName("CheckToolCall")
            .WithSummary("Decides a tool call (steps 1–6) without calling the tool.");
        return app;
    }

    private static async Task<IResult> CallAsync(HttpContext http, ToolCallPipeline pipeline)
    {
        var outcome = await RunAsync(http, pipeline, CallKind.Call).ConfigureAwait(false);
        return outcome.IsAllowed ? Allowed(outcome) : Problem(http, outcome);
    }

    /// <summary>The 200 answer of an allowed call: the decision, the call id and the tool's governed result.</summary>
    internal static IResult Allowed(CallOutcome outcome) => new AllowedCallResult(outcome);

    private static async Task<IResult> CheckAsync(HttpContext http, ToolCallPipeline pipeline)
    {
        var outcome = await RunAsync(http, pipeline, CallKind.Check).ConfigureAwait(false);
        var status = CallFailures.StatusOf(outcome.Failure);
        if (status is 400 or 401 or 413 or >= 500)
        {
            return Problem(http, outcome);
        }

        return TypedResults.Ok(new CheckView
        {
            Decision = outcome.Decision,
            CallId = outcome.CallId,
            Code = outcome.IsAllowed ? null : CallFailures.CodeOf(outcome.Failure),
            Reasons = outcome.IsAllowed ? outcome.PolicyIds : [outcome.Message ?? CallFailures.TitleOf(outcome.Failure)],
            PolicyIds = outcome.PolicyIds,
            ApprovalId = outcome.ApprovalId,
            RetryAfter = outcome.RetryAfterSeconds,
        });
    }

    private static Task<CallOutcome> RunAsync(HttpContext http, ToolCallPipeline pipeline, CallKind kind)
    {
        // The gateway caps the body itself (after authenticating, so oversized input is audited): lift Kestrel's cap.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }

        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        return pipeline.RunAsync(kind, token, http.Request.Body, http.Request.ContentLength, http.RequestAborted);
    }

    private static IResult Problem(HttpContext http, CallOutcome outcome)
    {
        var code = CallFailures.CodeOf(outcome.Failure);
        var extensions = new Dictionary<string, object?>
        {
            ["code"] = code,
            ["decision"] = outcome.Decision,
            ["callId"] = outcome.CallId,
        };
        if (outcome.PolicyIds.Count > 0)
        {
            extensions["policyIds"] = outcome.PolicyIds;
        }

        if (outcome.PolicyVersion is { } version)
        {
            extensions["policyVersion"] = version;
        }

        if (outcome.ApprovalId is { } approval)
        {
            extensions["approvalId"] = approval;
        }

        if (outcome.Violations.Count > 0)
        {
            extensions["violations"] = outcome.Violations;
        }

        if (outcome.RetryAfterSeconds is { } retry)
        {
            http.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
            extensions["retryAfter"] = retry;
        }

        if (outcome.Failure == CallFailure.Unauthenticated)
        {
            http.Response.Headers.WWWAuthenticate = http.Request.Headers.Authorization.Count == 0 ? "Bearer" : "Bearer error=\"invalid_token\"";
        }

        return TypedResults.Problem(
            detail: outcome.Message,
            statusCode: CallFailures.StatusOf(outcome.Failure),
            title: CallFailures.TitleOf(outcome.Failure),
            type: "https://dome.dev/problems/" + code.Replace('_', '-'),
            extensions: extensions);
    }
}
