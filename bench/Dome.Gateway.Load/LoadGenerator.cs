using System.Diagnostics;
using System.Net.Http.Headers;

namespace Dome.Gateway.Load;

/// <summary>
/// A bounded loopback load generator: open-loop at a fixed rate (latency at a given load: requests are sent on
/// schedule whether or not earlier ones finished, so a slow server cannot hide its queueing), and closed-loop with
/// N workers for a fixed time (maximum throughput).
/// </summary>
internal sealed class LoadGenerator(HttpClient client)
{
    public async Task<LoadResult> FixedRateAsync(string name, Func<HttpRequestMessage> request, int perSecond, TimeSpan duration)
    {
        var total = (int)(perSecond * duration.TotalSeconds);
        var latencies = new double[total];
        var errors = 0;
        var interval = Stopwatch.Frequency / (double)perSecond;
        var tasks = new Task[total];
        var start = Stopwatch.GetTimestamp();

        // The schedule runs on its own thread and waits without burning a core: it sleeps while more than ~1.5 ms
        // remain and yields the CPU to whatever else is runnable for the last stretch. (Spinning, as run 5 and earlier
        // did, took most of one of the machine's two cores away from the servers being measured.)
        var scheduler = new Thread(() =>
        {
            for (var i = 0; i < total; i++)
            {
                var due = start + (long)(i * interval);
                long remaining;
                while ((remaining = due - Stopwatch.GetTimestamp()) > 0)
                {
                    if (remaining > Stopwatch.Frequency * 3 / 2000)
                    {
                        Thread.Sleep(1);
                    }
                    else
                    {
                        Thread.Yield();
                    }
                }

                var index = i;
                tasks[i] = Task.Run(async () =>
                {
                    // Latency from the scheduled send time (coordinated omission corrected).
                    var ok = await SendAsync(request());
                    latencies[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                    if (!ok)
                    {
                        Interlocked.Increment(ref errors);
                    }
                });
            }
        })
        { IsBackground = true, Name = "load schedule" };
        scheduler.Start();
        await Task.Run(scheduler.Join);
        await Task.WhenAll(tasks);
        return LoadResult.From(name, [.. latencies], errors, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    public async Task<LoadResult> MaxThroughputAsync(string name, Func<HttpRequestMessage> request, int workers, TimeSpan duration)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var all = new List<double>[workers];
        var errors = 0;
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = all[w] = new List<double>(16384);
            while (Stopwatch.GetTimestamp() < until)
            {
                var sent = Stopwatch.GetTimestamp();
                if (!await SendAsync(request()))
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        })));
        return LoadResult.From(name, all.SelectMany(l => l).ToList(), errors, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    private async Task<bool> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                return response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // Refused, reset or timed out (HttpClient.Timeout): counted as an error, the run goes on.
                return false;
            }
        }
    }

    public static HttpRequestMessage Post(Uri url, byte[] body, string? bearer)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }
}
