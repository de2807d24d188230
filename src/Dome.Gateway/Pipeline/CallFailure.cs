namespace Dome.Gateway.Pipeline;

/// <summary>
/// Every way a governed call can end without a result, one value per cause. <see cref="CallFailures"/> is the one
/// place that turns a failure into a status, a stable code and a decision; the pipeline only picks the value.
/// </summary>
public enum CallFailure
{
    /// <summary>The call succeeded.</summary>
    None,

    /// <summary>Step 1: no token, or the token does not validate (signature, issuer, audience, expiry, chain inactive).</summary>
    Unauthenticated,

    /// <summary>The body is not a JSON object with <c>tool</c> and <c>arguments</c>.</summary>
    InvalidBody,

    /// <summary>The body is larger than <c>Dome:Gateway:MaxRequestBytes</c>.</summary>
    BodyTooLarge,

    /// <summary>The caller closed or aborted the connection before the whole body arrived.</summary>
    BodyIncomplete,

    /// <summary>Step 2: the agent requires act-as and the token carries no verified end user.</summary>
    ActAsRequired,

    /// <summary>Step 3: the agent did not declare the tool.</summary>
    ToolNotDeclared,

    /// <summary>Step 3: the tenant's catalog has no such tool (for a declared connection).</summary>
    UnknownTool,

    /// <summary>Step 4: the arguments break the tool's input schema, or cannot be placed in the upstream request.</summary>
    InvalidArguments,

    /// <summary>Step 5: a rate limit, concurrency limit or daily quota turned the call away.</summary>
    RateLimited,

    /// <summary>Step 5: the limits could not be read.</summary>
    LimitsUnavailable,

    /// <summary>Step 6: the <c>approvalId</c> is malformed or unknown.</summary>
    InvalidApproval,

    /// <summary>Step 6: policy denied the call.</summary>
    PolicyDenied,

    /// <summary>Step 6: only <c>@escalate</c> policies hold the call: it waits for an approval.</summary>
    Escalated,

    /// <summary>Step 6: a policy failed to evaluate, or the live policy set could not be loaded.</summary>
    PolicyError,

    /// <summary>Step 7: the tool's credential could not be fetched (secret store unavailable, secret missing, token endpoint failed).</summary>
    CredentialUnavailable,

    /// <summary>Step 8: the upstream did not answer within <c>Dome:Gateway:UpstreamTimeout</c>.</summary>
    UpstreamTimeout,

    /// <summary>Step 8: the upstream could not be reached.</summary>
    UpstreamUnavailable,

    /// <summary>Step 8: the upstream's response broke off (the connection closed or reset mid-response) or was not valid HTTP.</summary>
    UpstreamError,

    /// <summary>Step 9: output governance refused the upstream's response (too large, not JSON where rules need JSON, …).</summary>
    OutputRejected,

    /// <summary>Step 10: the audit event could not be handed to the audit queue, so the result is withheld.</summary>
    AuditUnavailable,

    /// <summary>A step failed in a way no other value describes; the call is denied.</summary>
    Internal,
}
