using Dome.Functions.Hosting;

// The custom handler's entry point: the same app `dome serve` runs embedded (`./run` starts it directly).
try
{
    await DomeServer.Build(args).RunAsync().ConfigureAwait(false);
    return 0;
}
catch (IOException e)
{
    // A port already taken or a data directory that cannot be written: say so, without a stack trace.
    await Console.Error.WriteLineAsync($"error: cannot start: {e.Message}").ConfigureAwait(false);
    return 1;
}
