using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dome.Functions.Tests.Deployment;

/// <summary>
/// The published app started the way the Functions host starts a custom handler: host.json's executable and
/// arguments, in the app's root folder, with <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> naming the port to listen on.
/// Stopped by PID on dispose.
/// </summary>
internal sealed class HandlerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private HandlerProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static HandlerProcess Start(string appRoot, string executable, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = appRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment.Remove("ASPNETCORE_URLS");
        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start `{executable}`");
        return new HandlerProcess(process, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Waits until <c>/healthz</c> answers 200; the host gives a custom handler 60 seconds to start.</summary>
    public async Task WaitUntilHealthyAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"the published app exited with code {process.ExitCode}:\n{Output}");
                }

                try
                {
                    using var response = await client.GetAsync(new Uri(BaseAddress, "healthz"), limit.Token);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(200, limit.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the published app did not answer /healthz within 60 s:\n{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
