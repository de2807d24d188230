namespace Dome.Functions.Tests.Gateway;

/// <summary>An outage a test turns on and off.</summary>
internal sealed class Switch
{
    public volatile bool Down;

    public void ThrowIfDown(string what)
    {
        if (Down)
        {
            throw new IOException(what + " is unavailable (injected outage)");
        }
    }
}
