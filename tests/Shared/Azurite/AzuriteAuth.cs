namespace Dome.Testing.Azurite;

/// <summary>How a test talks to Azurite.</summary>
public enum AzuriteAuth
{
    /// <summary>Shared Key over plain HTTP (Azurite's default; development accounts).</summary>
    SharedKey,

    /// <summary>Bearer tokens over HTTPS (<c>azurite --oauth basic</c> with a certificate the fixture generates).</summary>
    OAuth,
}
