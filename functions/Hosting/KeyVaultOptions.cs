namespace Dome.Functions.Hosting;

/// <summary><c>Dome:KeyVault</c>: when <see cref="Uri"/> is set, tenants' secrets and Dome's signing keys live in that vault; else in the data directory.</summary>
internal sealed record KeyVaultOptions
{
    public const string Section = "Dome:KeyVault";

    /// <summary>The vault, e.g. <c>https://my-vault.vault.azure.net/</c>.</summary>
    public Uri? Uri { get; init; }
}
