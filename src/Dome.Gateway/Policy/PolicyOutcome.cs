namespace Dome.Gateway.Policy;

/// <summary>What the policy step decided.</summary>
internal enum PolicyOutcome
{
    Allow,
    Deny,

    /// <summary>Only <c>@escalate</c> forbid policies stood in the way: the call waits for an approval.</summary>
    Escalate,
}
