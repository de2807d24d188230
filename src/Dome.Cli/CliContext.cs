namespace Dome.Cli;

/// <summary>The CLI's surroundings, injectable so tests run it in process: output streams, environment and directory.</summary>
internal sealed record CliContext
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public required Func<string, string?> Environment { get; init; }

    public required string CurrentDirectory { get; init; }

    /// <summary>Standard input (secret values are read from it, never from flags); null: nothing to read.</summary>
    public TextReader? In { get; init; }

    /// <summary>Supplies HTTP handlers to the API client (tests may route to an in-process server).</summary>
    public Func<HttpMessageHandler>? HandlerFactory { get; init; }

    public static CliContext Console() => new()
    {
        Out = System.Console.Out,
        In = System.Console.In,
        Error = System.Console.Error,
        Environment = System.Environment.GetEnvironmentVariable,
        CurrentDirectory = Directory.GetCurrentDirectory(),
    };
}
