using System.Security.Cryptography;
using System.Text;

namespace Dome.Storage.Azure;

/// <summary>
/// The signature both storage services' Shared Key schemes share: the base64 HMAC-SHA256, under the base64 account
/// key, of a service-specific string to sign (built by <c>TableSharedKeyPolicy</c> and <c>QueueSharedKeyPolicy</c>).
/// </summary>
internal static class SharedKeySignature
{
    public static string Sign(string base64Key, string stringToSign)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64Key);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("the storage account key is not base64; copy it again from the account's access keys");
        }

        try
        {
            return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}
