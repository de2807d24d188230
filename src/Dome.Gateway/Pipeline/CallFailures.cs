using Dome.Core.Audit;

namespace Dome.Gateway.Pipeline;

/// <summary>The one place a <see cref="CallFailure"/> becomes an HTTP status, a stable problem code and an audit decision.</summary>
public static class CallFailures
{
    public static int StatusOf(CallFailure failure) => failure switch
    {
        CallFailure.None => 200,
        CallFailure.Unauthenticated => 401,
        CallFailure.InvalidBody or CallFailure.BodyIncomplete or CallFailure.InvalidArguments or CallFailure.InvalidApproval => 400,
        CallFailure.BodyTooLarge => 413,
        CallFailure.ActAsRequired or CallFailure.ToolNotDeclared or CallFailure.PolicyDenied or CallFailure.Escalated or CallFailure.PolicyError => 403,
        CallFailure.UnknownTool => 404,
        CallFailure.RateLimited => 429,
        CallFailure.OutputRejected or CallFailure.UpstreamUnavailable or CallFailure.UpstreamError => 502,
        CallFailure.UpstreamTimeout => 504,
        CallFailure.LimitsUnavailable or CallFailure.CredentialUnavailable or CallFailure.AuditUnavailable => 503,
        _ => 500,
    };

    /// <summary>The problem detail's <c>code</c> and the audit event's <c>reason</c>.</summary>
    public static string CodeOf(CallFailure failure) => failure switch
    {
        CallFailure.None => "ok",
        CallFailure.Unauthenticated => "unauthenticated",
        CallFailure.InvalidBody => "invalid_request",
        CallFailure.BodyTooLarge => "payload_too_large",
        CallFailure.BodyIncomplete => "request_body_incomplete",
        CallFailure.ActAsRequired => "act_as_required",
        CallFailure.ToolNotDeclared => "tool_not_declared",
        CallFailure.UnknownTool => "unknown_tool",
        CallFailure.InvalidArguments => "invalid_arguments",
        CallFailure.RateLimited => "rate_limited",
        CallFailure.LimitsUnavailable => "limits_unavailable",
        CallFailure.InvalidApproval => "invalid_approval",
        CallFailure.PolicyDenied => "policy_denied",
        CallFailure.Escalated => "escalated",
        CallFailure.PolicyError => "policy_error",
        CallFailure.CredentialUnavailable => "credential_unavailable",
        CallFailure.UpstreamTimeout => "upstream_timeout",
        CallFailure.UpstreamUnavailable => "upstream_unavailable",
        CallFailure.UpstreamError => "upstream_error",
        CallFailure.OutputRejected => "output_rejected",
        CallFailure.AuditUnavailable => "audit_unavailable",
        _ => "internal_error",
    };

    /// <summary>
    /// The decision the caller and the audit trail see: <c>escalate</c> for an escalation; <c>deny</c> for whatever
    /// stopped the call before it was allowed (bad input included); <c>error</c> when an allowed call could not complete.
    /// </summary>
    public static string DecisionOf(CallFailure failure) => failure switch
    {
        CallFailure.None => AuditDecisions.Allow,
        CallFailure.Escalated => AuditDecisions.Escalate,
        CallFailure.CredentialUnavailable or CallFailure.UpstreamTimeout or CallFailure.UpstreamUnavailable or CallFailure.UpstreamError
            or CallFailure.OutputRejected or CallFailure.AuditUnavailable or CallFailure.Internal => AuditDecisions.Error,
        _ => AuditDecisions.Deny,
    };

    public static string TitleOf(CallFailure failure) => failure switch
    {
        CallFailure.Unauthenticated => "Authentication is required.",
        CallFailure.InvalidBody => "The request is invalid.",
        CallFailure.BodyTooLarge => "The request body is too large.",
        CallFailure.BodyIncomplete => "The request body did not arrive whole.",
        CallFailure.ActAsRequired => "The agent must act as a verified user.",
        CallFailure.ToolNotDeclared => "The agent did not declare this tool.",
        CallFailure.UnknownTool => "No such tool.",
        CallFailure.InvalidArguments => "The arguments do not match the tool's input schema.",
        CallFailure.RateLimited => "A rate limit or quota was reached.",
        CallFailure.LimitsUnavailable => "Rate limits could not be checked.",
        CallFailure.InvalidApproval => "The approval id is not valid.",
        CallFailure.PolicyDenied => "Policy denied the call.",
        CallFailure.Escalated => "The call needs an approval.",
        CallFailure.PolicyError => "Policy could not be evaluated.",
        CallFailure.CredentialUnavailable => "The tool's credential is unavailable.",
        CallFailure.UpstreamTimeout => "The tool did not answer in time.",
        CallFailure.UpstreamUnavailable => "The tool could not be reached.",
        CallFailure.UpstreamError => "The tool's response broke off.",
        CallFailure.OutputRejected => "The tool's response was refused by output governance.",
        CallFailure.AuditUnavailable => "The call could not be audited.",
        _ => "The call failed.",
    };
}
