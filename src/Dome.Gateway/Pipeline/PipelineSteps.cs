namespace Dome.Gateway.Pipeline;

/// <summary>The names of the pipeline's steps, as the audit event's <c>latencyMs</c> and the spans name them.</summary>
internal static class PipelineSteps
{
    public const string Authenticate = "authenticate";
    public const string Read = "read";
    public const string ActAs = "act_as";
    public const string Capability = "capability";
    public const string Validate = "validate";
    public const string Limits = "limits";
    public const string Policy = "policy";
    public const string Credential = "credential";

    /// <summary>The audit event's decided stage, durable before the call is forwarded.</summary>
    public const string AuditDecided = "audit_decided";

    public const string Forward = "forward";
    public const string Output = "output";
    public const string Audit = "audit";
}
