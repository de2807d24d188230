namespace Dome.Storage.Azure.Stores;

/// <summary>What a policy version's content rows hold together: its files and schema.</summary>
internal sealed record PolicyContent
{
    public required Dictionary<string, string> Files { get; init; }

    public required string Schema { get; init; }
}
