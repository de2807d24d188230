namespace Dome.Functions.Contracts;

/// <summary>An argument bound to the path, query or a header.</summary>
internal sealed record ParameterView
{
    public required string Name { get; init; }

    public required string In { get; init; }
}
