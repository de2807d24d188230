namespace Dome.Functions.Contracts;

/// <summary>A request that names something to create (a tenant, a workspace).</summary>
internal sealed record NameRequest
{
    public string? Name { get; init; }
}
