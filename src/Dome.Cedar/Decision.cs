namespace Dome.Cedar;

/// <summary>The outcome of an authorization request.</summary>
public enum Decision
{
    /// <summary>No forbid policy applies and at least one permit policy does.</summary>
    Allow,

    /// <summary>A forbid policy applies, or no permit policy does.</summary>
    Deny,
}
