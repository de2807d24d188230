using Dome.Functions.Hosting;

// The custom handler's entry point: the same app `dome serve` runs embedded.
await DomeServer.Build(args).RunAsync().ConfigureAwait(false);
