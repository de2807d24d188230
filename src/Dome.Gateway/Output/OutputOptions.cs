using System.ComponentModel.DataAnnotations;

namespace Dome.Gateway.Output;

/// <summary>Configuration section <c>Dome:Gateway:Output</c>.</summary>
public sealed record OutputOptions
{
    public const string Section = "Dome:Gateway:Output";

    /// <summary>The largest upstream body the gateway passes on (default 8 MiB); a tool's rules may set a smaller cap.</summary>
    [Range(1, 1L << 30)]
    public long MaxResponseBytes { get; init; } = 8L << 20;
}
