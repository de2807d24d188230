namespace Dome.Core.Secrets;

/// <summary>What may be said about a secret: its name and when it was set. Never its value.</summary>
public sealed record SecretInfo
{
    public required string TenantId { get; init; }

    public required string Name { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
