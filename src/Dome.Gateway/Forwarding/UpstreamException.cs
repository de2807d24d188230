namespace Dome.Gateway.Forwarding;

/// <summary>Forwarding failed; the message is safe to show the caller (names the connection, never content).</summary>
internal sealed class UpstreamException(UpstreamFailureKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public UpstreamFailureKind Kind { get; } = kind;
}
