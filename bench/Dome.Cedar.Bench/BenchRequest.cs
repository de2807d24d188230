namespace Dome.Cedar.Bench;

/// <summary>A request: entity types and ids, and the context as JSON.</summary>
internal sealed record BenchRequest(
    string PrincipalType,
    string PrincipalId,
    string ActionId,
    string ResourceType,
    string ResourceId,
    string ContextJson);
