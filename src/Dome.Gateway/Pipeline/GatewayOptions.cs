using System.ComponentModel.DataAnnotations;

namespace Dome.Gateway.Pipeline;

/// <summary>Configuration section <c>Dome:Gateway</c>.</summary>
public sealed record GatewayOptions
{
    public const string Section = "Dome:Gateway";

    /// <summary>How long the upstream may take to answer (headers and body) before the call fails with 504.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan UpstreamTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest request body (<c>tool</c>, <c>arguments</c>, <c>intent</c>) accepted, in bytes; larger gets 413.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxRequestBytes { get; init; } = 1024 * 1024;

    /// <summary>The largest upstream response body read, in bytes; a larger one is refused (502 <c>output_rejected</c>).</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxResponseBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>How long a <c>Dome-User-Assertion</c> sent upstream lives.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan UserAssertionLifetime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Most connections kept open per upstream server.</summary>
    [Range(1, 10000)]
    public int MaxConnectionsPerServer { get; init; } = 256;
}
