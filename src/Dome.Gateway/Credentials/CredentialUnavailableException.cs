namespace Dome.Gateway.Credentials;

/// <summary>The tool's credential could not be produced; the call is not forwarded. The message names the secret or endpoint, never a value.</summary>
public sealed class CredentialUnavailableException : Exception
{
    public CredentialUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public CredentialUnavailableException()
        : base("the tool's credential is unavailable")
    {
    }

    public CredentialUnavailableException(string message)
        : base(message)
    {
    }
}
