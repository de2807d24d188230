using Dome.Storage.Azure;
using Microsoft.Extensions.Options;

namespace Dome.Functions.Hosting;

/// <summary>
/// Checks <c>Dome:Storage</c> and <c>Dome:KeyVault</c> when the server starts, so a wrong or missing setting stops it
/// with a message naming the key instead of failing on the first request.
/// </summary>
internal sealed class StorageOptionsValidator(IConfiguration configuration) : IValidateOptions<StorageOptions>
{
    private const string AzureSection = AzureStorageOptions.Section;

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        var kind = StorageOptions.KindOf(configuration);
        if (kind is not (StorageOptions.Sqlite or StorageOptions.Azure))
        {
            failures.Add($"`{StorageOptions.Section}:Kind` is `{configuration[StorageOptions.Section + ":Kind"]}`; use `{StorageOptions.Sqlite}` or `{StorageOptions.Azure}`");
        }

        if (kind == StorageOptions.Azure)
        {
            Endpoint("TableEndpoint", failures);
            Endpoint("QueueEndpoint", failures);
            var accountKey = configuration[AzureSection + ":AccountKey"];
            if (!string.IsNullOrEmpty(accountKey))
            {
                if (string.IsNullOrWhiteSpace(configuration[AzureSection + ":AccountName"]))
                {
                    failures.Add($"`{AzureSection}:AccountName` is required with `{AzureSection}:AccountKey`");
                }

                if (!IsBase64(accountKey))
                {
                    failures.Add($"`{AzureSection}:AccountKey` is not base64; copy it again from the storage account's access keys");
                }
            }

            var prefix = configuration[AzureSection + ":TablePrefix"];
            if (prefix is not null && (prefix.Length is 0 or > 40 || !char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit)))
            {
                failures.Add($"`{AzureSection}:TablePrefix` is `{prefix}`; use 1 to 40 letters and digits, starting with a letter");
            }
        }

        if (configuration[KeyVaultOptions.Section + ":Uri"] is { Length: > 0 } vault && !IsHttps(vault))
        {
            failures.Add($"`{KeyVaultOptions.Section}:Uri` is `{vault}`; use the vault's https URL, e.g. `https://my-vault.vault.azure.net/`");
        }

        if (configuration[AzureSection + ":ClientId"] is { Length: > 0 } clientId && !Guid.TryParse(clientId, out _))
        {
            failures.Add($"`{AzureSection}:ClientId` is `{clientId}`; use the managed identity's client id (a GUID)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void Endpoint(string key, List<string> failures)
    {
        var value = configuration[AzureSection + ":" + key];
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"`{AzureSection}:{key}` is required when `{StorageOptions.Section}:Kind` is `{StorageOptions.Azure}`");
        }
        else if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.Query))
        {
            failures.Add($"`{AzureSection}:{key}` is `{value}`; use the service's root URL, e.g. `https://account.{(key == "TableEndpoint" ? "table" : "queue")}.core.windows.net`");
        }
    }

    private static bool IsHttps(string value) => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == "https";

    private static bool IsBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written > 0;
    }
}
