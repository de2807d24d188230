using Dome.Functions.Hosting;
using Microsoft.Extensions.Options;

// The custom handler's entry point: the same app `dome serve` runs embedded.
try
{
    await DomeServer.Build(args).RunAsync().ConfigureAwait(false);
    return 0;
}
catch (OptionsValidationException e)
{
    // A setting is wrong or missing: say which, without a stack trace.
    foreach (var failure in e.Failures)
    {
        await Console.Error.WriteLineAsync("dome: configuration: " + failure).ConfigureAwait(false);
    }

    return 1;
}
