using Dome.Cli;

return await DomeCli.RunAsync(args).ConfigureAwait(false);
