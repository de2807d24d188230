using System.Text.Json;
using Dome.Core.Catalog;
using Dome.Core.Registry;
using Dome.Gateway.Limits;
using Dome.Gateway.Output;
using Dome.Gateway.Policy;
using Dome.Tokens.Validation;

namespace Dome.Gateway.Pipeline;

/// <summary>What the pipeline learned about one call so far; each step fills its part. One per call, not shared.</summary>
internal sealed class CallState(CallKind kind, string callId, StepTimings timings) : IDisposable
{
    public CallKind Kind { get; } = kind;

    public string CallId { get; } = callId;

    public StepTimings Timings { get; } = timings;

    public CallFailure Failure { get; private set; }

    /// <summary>The step running now (named in the failure when it throws).</summary>
    public string CurrentStep { get; set; } = PipelineSteps.Authenticate;

    public string? Message { get; private set; }

    public IReadOnlyList<string> Violations { get; set; } = [];

    public DomePrincipal? Principal { get; set; }

    public Agent? Agent { get; set; }

    public JsonDocument? Document { get; set; }

    public ToolCallRequest? Request { get; set; }

    public ResolvedTool? Tool { get; set; }

    public UpstreamRequest? Upstream { get; set; }

    public LimitDecision Limit { get; set; }

    public PolicyDecision? Decision { get; set; }

    public int? UpstreamStatus { get; set; }

    public RedactionCounts Redactions { get; set; }

    public ToolCallResult? Result { get; set; }

    public bool Failed => Failure != CallFailure.None;

    /// <summary>Records the first failure; later ones do not overwrite it (the first cause is the one reported).</summary>
    public bool Fail(CallFailure failure, string message)
    {
        if (Failure == CallFailure.None)
        {
            Failure = failure;
            Message = message;
        }

        return false;
    }

    /// <summary>Replaces the failure (only for step 10: a result that cannot be audited is withheld).</summary>
    public void Override(CallFailure failure, string message)
    {
        Failure = failure;
        Message = message;
        Result = null;
    }

    public void Dispose()
    {
        Limit.Dispose();
        Document?.Dispose();
    }
}
