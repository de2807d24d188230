using Dome.Tokens.Keys;
using Microsoft.AspNetCore.DataProtection;

namespace Dome.Core.Tests.Storage.Tokens;

/// <summary>The signing-key store contract on the embedded file store, with a real key ring on disk.</summary>
public sealed class LocalSigningKeyStoreTests : SigningKeyStoreContract
{
    protected override Task<(ISigningKeyStore First, ISigningKeyStore Second)> CreateStoresAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "dome-keys-" + Guid.NewGuid().ToString("N"));
        var file = Path.Combine(root, LocalSigningKeyStore.FileName);
        ISigningKeyStore Store() => new LocalSigningKeyStore(
            DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(root, "key-ring")), b => b.SetApplicationName("dome-tests")), file);
        return Task.FromResult((Store(), Store()));
    }
}
