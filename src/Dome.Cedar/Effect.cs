namespace Dome.Cedar;

/// <summary>Whether a policy permits or forbids.</summary>
public enum Effect
{
    /// <summary>`permit`: allows the request unless a forbid policy applies.</summary>
    Permit,

    /// <summary>`forbid`: denies the request, overriding any permit.</summary>
    Forbid,
}
