namespace Dome.Cedar;

/// <summary>The answer to a request: the decision, the ids of the policies that decided it, and the policies that failed.</summary>
public sealed class AuthorizationResponse
{
    internal AuthorizationResponse(Decision decision, IReadOnlyList<string> reasons, IReadOnlyList<PolicyError> errors)
    {
        Decision = decision;
        Reasons = reasons;
        Errors = errors;
    }

    /// <summary>Allow or deny.</summary>
    public Decision Decision { get; }

    /// <summary>For allow: the permit policies that applied. For deny: the forbid policies that applied (empty by default deny).</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>Policies skipped because evaluating them failed.</summary>
    public IReadOnlyList<PolicyError> Errors { get; }

    /// <summary>Whether the decision is allow.</summary>
    public bool IsAllowed => Decision == Decision.Allow;
}
