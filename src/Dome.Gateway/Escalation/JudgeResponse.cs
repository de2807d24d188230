namespace Dome.Gateway.Escalation;

/// <summary>The judge's answer: <c>{"decision": "approve" | "deny", "comment": "..."}</c>.</summary>
internal sealed record JudgeResponse
{
    public string? Decision { get; init; }

    public string? Comment { get; init; }
}
