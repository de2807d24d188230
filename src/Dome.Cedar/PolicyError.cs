namespace Dome.Cedar;

/// <summary>A policy that failed to evaluate for a request (it was skipped): its id and what went wrong.</summary>
public sealed record PolicyError(string PolicyId, string Message);
