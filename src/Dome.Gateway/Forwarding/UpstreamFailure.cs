namespace Dome.Gateway.Forwarding;

/// <summary>Why forwarding failed.</summary>
internal enum UpstreamFailureKind
{
    Timeout,
    Unreachable,
    TooLarge,
}
