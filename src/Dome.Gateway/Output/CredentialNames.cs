namespace Dome.Gateway.Output;

/// <summary>
/// Names that say their value is a credential (<c>password</c>, <c>client_secret</c>, <c>api-key</c>, <c>accessToken</c>…),
/// compared ignoring case, <c>_</c> and <c>-</c>.
/// </summary>
internal static class CredentialNames
{
    private static readonly byte[][] Known =
    [
        "password"u8.ToArray(), "passwd"u8.ToArray(), "pwd"u8.ToArray(), "secret"u8.ToArray(), "clientsecret"u8.ToArray(),
        "apikey"u8.ToArray(), "apisecret"u8.ToArray(), "secretkey"u8.ToArray(), "privatekey"u8.ToArray(),
        "accesstoken"u8.ToArray(), "refreshtoken"u8.ToArray(), "idtoken"u8.ToArray(), "authtoken"u8.ToArray(),
        "sessiontoken"u8.ToArray(), "token"u8.ToArray(), "authorization"u8.ToArray(), "accesskey"u8.ToArray(),
        "secretaccesskey"u8.ToArray(), "connectionstring"u8.ToArray(),
    ];

    public static bool IsCredential(ReadOnlySpan<byte> name)
    {
        if (name.Length is 0 or > 32)
        {
            return false;
        }

        Span<byte> normalized = stackalloc byte[32];
        var length = 0;
        foreach (var b in name)
        {
            if (b is (byte)'_' or (byte)'-')
            {
                continue;
            }

            if (!Ascii.IsAlphanumeric(b))
            {
                return false;
            }

            normalized[length++] = Ascii.IsLetter(b) ? (byte)(b | 0x20) : b;
        }

        var candidate = normalized[..length];
        foreach (var known in Known)
        {
            if (candidate.SequenceEqual(known))
            {
                return true;
            }
        }

        return false;
    }
}
