using Dome.Core.Registry;

namespace Dome.Functions.Contracts;

internal sealed record WorkspaceView
{
    public required string Name { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public static WorkspaceView Of(Workspace workspace) => new() { Name = workspace.Name, CreatedAt = workspace.CreatedAt };
}
