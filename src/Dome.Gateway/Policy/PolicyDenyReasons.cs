namespace Dome.Gateway.Policy;

/// <summary>The values of <see cref="PolicyDecision.DenyReason"/>.</summary>
internal static class PolicyDenyReasons
{
    /// <summary>A forbid policy applied (or only <c>@escalate</c> ones, and the approval was refused or the judge said no).</summary>
    public const string Forbidden = "policy_forbidden";

    /// <summary>No permit policy applied.</summary>
    public const string NoPermit = "policy_no_permit";

    /// <summary>A policy failed to evaluate: the call is denied rather than decided without it.</summary>
    public const string EvaluationError = "policy_error";

    /// <summary>The judge webhook did not answer in time or answered something else than approve/deny.</summary>
    public const string JudgeUnavailable = "judge_unavailable";

    /// <summary>The judge webhook refused the call.</summary>
    public const string JudgeDenied = "judge_denied";
}
