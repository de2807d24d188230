namespace Dome.Cli;

/// <summary>A failure the CLI reports as one line (no stack trace) with its exit code.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
