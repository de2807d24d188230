using System.Net.Http.Headers;
using Dome.Functions.Hosting;
using Dome.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dome.Testing;

/// <summary>
/// Dome's real server (Kestrel on a free loopback port, SQLite in a temp data directory, the embedded
/// dispatcher), started and stopped by a test. Restart it on the same directory to test durability.
/// </summary>
public sealed class DomeTestServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private DomeTestServer(WebApplication app, string dataDir, CapturingLoggerProvider logs, Uri baseAddress)
    {
        this.app = app;
        DataDir = dataDir;
        Logs = logs;
        BaseAddress = baseAddress;
    }

    public string DataDir { get; }

    public Uri BaseAddress { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => app.Services;

    public string AdminKey => File.ReadAllText(System.IO.Path.Combine(DataDir, "admin.key")).Trim();

    public string OperatorKey => File.ReadAllText(System.IO.Path.Combine(DataDir, "operator.key")).Trim();

    public SqliteDatabase Database => app.Services.GetRequiredService<SqliteDatabase>();

    /// <summary>
    /// Starts a server; <paramref name="settings"/> are configuration overrides (<c>Dome:Dispatcher:RetryDelay</c>, …);
    /// <paramref name="services"/> may add fault injectors around real services (registered last, so they win).
    /// </summary>
    public static async Task<DomeTestServer> StartAsync(string dataDir, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var args = new List<string> { "--urls", "http://127.0.0.1:0", "--Dome:DataDir", dataDir, "--Dome:Dispatcher:PollInterval", "00:00:00.020" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            args.Add("--" + key);
            args.Add(value);
        }

        var logs = new CapturingLoggerProvider();
        var app = DomeServer.Build([.. args], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddProvider(logs);
            services?.Invoke(builder.Services);
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DomeTestServer(app, dataDir, logs, new Uri(address + "/"));
    }

    /// <summary>An HTTP client for the server, presenting <paramref name="key"/> as a bearer token when given.</summary>
    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
