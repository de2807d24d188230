namespace Dome.Cedar.Bench;

/// <summary>One benchmark input: a policy set, an entity store and the requests to decide.</summary>
internal sealed record BenchScenario
{
    public required string Name { get; init; }

    public required string Policies { get; init; }

    /// <summary>Entities in Cedar's entity JSON format.</summary>
    public required string EntitiesJson { get; init; }

    public required IReadOnlyList<BenchRequest> Requests { get; init; }
}
