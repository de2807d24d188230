using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

[assembly: AssemblyFixture(typeof(Dome.Testing.Azurite.AzuriteFixture))]

namespace Dome.Testing.Azurite;

/// <summary>
/// Azurite for a test assembly: each service (table, queue) in each auth mode is started on first use on a free
/// loopback port, in memory, from <c>tools/azurite</c> (installed by <c>scripts/test-deps</c>), shared by every test
/// class of the assembly, and killed by process id when the assembly's tests end. Tests isolate themselves by
/// naming their own tables and queues.
/// </summary>
public sealed class AzuriteFixture : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account (public, documented; not a secret).</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development account key (public, documented; not a secret).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private const string WatchdogScript = """
        const parent = Number(process.env.DOME_AZURITE_PARENT);
        setInterval(() => { try { process.kill(parent, 0); } catch { process.exit(0); } }, 2000).unref();
        """;

    private readonly Dictionary<(string, AzuriteAuth), Task<AzuriteService>> _services = [];
    private readonly List<string> _directories = [];
    private readonly Lock _gate = new();

    /// <summary>The credential tests use in OAuth mode (see <see cref="AzuriteTokenCredential"/>).</summary>
    public AzuriteTokenCredential Credential { get; } = new();

    public Task<AzuriteService> GetTableServiceAsync(AzuriteAuth auth) => Get("table", auth);

    public Task<AzuriteService> GetQueueServiceAsync(AzuriteAuth auth) => Get("queue", auth);

    /// <summary>A fresh name for a table or queue, unique per call (letters and digits, starting with a letter).</summary>
    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..16];

    public async ValueTask DisposeAsync()
    {
        List<Task<AzuriteService>> started;
        lock (_gate)
        {
            started = [.. _services.Values];
            _services.Clear();
        }

        foreach (var task in started)
        {
            try
            {
                var service = await task.ConfigureAwait(false);
                Stop(service.Process);
            }
            catch (InvalidOperationException)
            {
                // It never started; StartAsync already reported why and stopped what it began.
            }
        }

        foreach (var directory in _directories)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by the exiting process: the temp directory is cleaned by the OS later.
            }
        }
    }

    private Task<AzuriteService> Get(string service, AzuriteAuth auth)
    {
        lock (_gate)
        {
            if (!_services.TryGetValue((service, auth), out var task) || task.IsFaulted)
            {
                task = Task.Run(() => StartAsync(service, auth));
                _services[(service, auth)] = task;
            }

            return task;
        }
    }

    private async Task<AzuriteService> StartAsync(string service, AzuriteAuth auth)
    {
        var main = Path.Combine(FindAzurite(), "dist", "src", service, "main.js");
        var directory = Path.Combine(Path.GetTempPath(), "dome-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        lock (_gate)
        {
            _directories.Add(directory);
        }

        // A test host that dies without disposing (a crash, a killed CI run) must not leave Azurite running:
        // the watchdog, loaded before Azurite, exits node once this process is gone.
        var watchdog = Path.Combine(directory, "watchdog.js");
        File.WriteAllText(watchdog, WatchdogScript);
        var arguments = new List<string> { "--require", watchdog, main, "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent" };
        System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null;
        if (auth == AzuriteAuth.OAuth)
        {
            var (cert, certPath, keyPath) = AzuriteCertificate.Create(directory);
            certificate = cert;
            arguments.AddRange(["--oauth", "basic", "--cert", certPath, "--key", keyPath]);
        }

        var output = new StringBuilder();
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var info = new ProcessStartInfo("node")
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                Environment = { ["DOME_AZURITE_PARENT"] = System.Environment.ProcessId.ToString(CultureInfo.InvariantCulture) },
            };
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            info.ArgumentList.Add("--" + service + "Host");
            info.ArgumentList.Add("127.0.0.1");
            info.ArgumentList.Add("--" + service + "Port");
            info.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));

            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var process = new Process { StartInfo = info, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) => OnLine(e.Data);
            process.ErrorDataReceived += (_, e) => OnLine(e.Data);
            process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("azurite exited"));
            if (!process.Start())
            {
                throw new InvalidOperationException("could not start `node` for azurite");
            }

            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await ready.Task.WaitAsync(StartTimeout).ConfigureAwait(false);
                var scheme = auth == AzuriteAuth.OAuth ? "https" : "http";
                var endpoint = new Uri(string.Create(CultureInfo.InvariantCulture, $"{scheme}://127.0.0.1:{port}/{AccountName}"));
                return new AzuriteService(service, auth, endpoint, process, certificate);
            }
            catch (Exception failure) when (failure is InvalidOperationException or TimeoutException)
            {
                Stop(process);
                if (attempt < 3 && output.ToString().Contains("EADDRINUSE", StringComparison.Ordinal))
                {
                    continue;
                }

                throw new InvalidOperationException(
                    $"azurite-{service} ({auth}) did not start ({failure.Message}); output:\n{output}", failure);
            }

            void OnLine(string? line)
            {
                if (line is null)
                {
                    return;
                }

                lock (output)
                {
                    output.AppendLine(line);
                }

                if (line.Contains("successfully", StringComparison.OrdinalIgnoreCase))
                {
                    ready.TrySetResult();
                }
            }
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            process.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>tools/azurite/node_modules/azurite, found by walking up from the test binaries to the repository root.</summary>
    private static string FindAzurite()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tools", "azurite", "node_modules", "azurite");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("azurite is not installed: run `scripts/test-deps` (it installs tools/azurite from npm)");
    }
}
