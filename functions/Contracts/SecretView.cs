using Dome.Core.Secrets;

namespace Dome.Functions.Contracts;

/// <summary>A secret as the API shows it: name and times, never the value.</summary>
internal sealed record SecretView
{
    public required string Name { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public static SecretView Of(SecretInfo info) => new() { Name = info.Name, CreatedAt = info.CreatedAt, UpdatedAt = info.UpdatedAt };
}
