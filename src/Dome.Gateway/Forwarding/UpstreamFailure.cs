namespace Dome.Gateway.Forwarding;

/// <summary>Why forwarding failed.</summary>
internal enum UpstreamFailureKind
{
    Timeout,
    Unreachable,
    TooLarge,

    /// <summary>The connection closed or reset before the whole response arrived, or the response was not valid HTTP.</summary>
    Broken,
}
