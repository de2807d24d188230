namespace Dome.Functions.Tests.Deployment;

/// <summary>What a finished child process left: its exit code and everything it wrote.</summary>
internal sealed record ProcessResult
{
    public required int ExitCode { get; init; }

    public required string Output { get; init; }

    public required string Error { get; init; }

    public string Describe() => $"exit code {ExitCode}\n{Output}\n{Error}";
}
