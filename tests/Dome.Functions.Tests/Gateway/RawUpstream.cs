using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dome.Functions.Tests.Gateway;

/// <summary>
/// An upstream that misbehaves on the wire: a real TCP listener on loopback that reads each HTTP request whole and then
/// answers with the raw bytes the test chose (for example headers promising more body than it sends), then closes
/// the connection gracefully (FIN) or aborts it (RST). Kestrel cannot be made to do this, hence raw sockets.
/// </summary>
internal sealed class RawUpstream : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private readonly string reply;
    private readonly bool reset;
    private int requests;

    public RawUpstream(string reply, bool reset)
    {
        this.reply = reply;
        this.reset = reset;
        listener.Start();
        accepting = AcceptAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    public int Requests => Volatile.Read(ref requests);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one, stop.Token) == 1)
            {
                head.Append((char)one[0]);
            }

            var length = head.ToString().Split("\r\n").Select(line => line.Split(':', 2))
                .Where(parts => parts.Length == 2 && parts[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                .Select(parts => int.Parse(parts[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
            var body = new byte[length];
            await stream.ReadExactlyAsync(body, stop.Token);
            Interlocked.Increment(ref requests);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(reply), stop.Token);
            await stream.FlushAsync(stop.Token);
            if (reset)
            {
                client.Client.LingerState = new LingerOption(true, 0); // close with RST
            }
            else
            {
                client.Client.Shutdown(SocketShutdown.Send);
            }
        }
    }
}
