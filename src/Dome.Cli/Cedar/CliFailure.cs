namespace Dome.Cli.Cedar;

/// <summary>A deliberate, user-facing failure of a `dome cedar` command: its message is printed, never a stack trace.</summary>
internal sealed class CliFailure(string message) : Exception(message);
