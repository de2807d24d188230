namespace Dome.Core.Secrets;

/// <summary>
/// The secret store could not answer: it is unavailable, or a stored value cannot be decrypted (for example the
/// key ring is missing or changed). The gateway denies the call. The message never contains a secret value.
/// </summary>
public sealed class SecretStoreException : Exception
{
    public SecretStoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public SecretStoreException()
        : base("the secret store is unavailable")
    {
    }

    public SecretStoreException(string message)
        : base(message)
    {
    }
}
