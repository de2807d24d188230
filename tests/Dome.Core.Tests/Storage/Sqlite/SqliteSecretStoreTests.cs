using System.Text;
using Dome.Core.Secrets;
using Dome.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dome.Core.Tests.Storage.Sqlite;

/// <summary>The shared contract on the SQLite adapter, plus what only the embedded store can show: encryption at rest and failing closed.</summary>
public sealed class SqliteSecretStoreTests : SecretStoreContract
{
    private const string Secret = "sk_live_4f9a1c2e7b_THE_SECRET";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override Task<CatalogStores> CreateStoresAsync() => Task.FromResult(SqliteCatalogStores.Create().Stores);

    [Fact]
    public async Task Set_StoredBytes_DoNotContainTheSecret()
    {
        var (stores, database, _) = SqliteCatalogStores.Create();
        await stores.Secrets.SetAsync("tnt_a", "zd", new SecretValue(Secret), TestData.Epoch, Ct);

        byte[] ciphertext;
        await using (var connection = database.OpenConnection())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT ciphertext FROM secrets";
            ciphertext = (byte[])(await command.ExecuteScalarAsync(Ct))!;
        }

        SqliteConnection.ClearAllPools();
        var files = Directory.GetFiles(Path.GetDirectoryName(database.Path)!).Where(f => Path.GetFileName(f).StartsWith("dome.db", StringComparison.Ordinal));
        var onDisk = files.Select(File.ReadAllBytes).Append(ciphertext).ToArray();
        Assert.True(ciphertext.Length > Secret.Length);
        foreach (var bytes in onDisk)
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Secret)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(Secret)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret)))));
        }

        Assert.Equal(Secret, (await stores.Secrets.GetAsync("tnt_a", "zd", Ct))!.Reveal());
    }

    [Fact]
    public async Task Get_WithAnotherKeyRing_ThrowsSecretStoreException_NotTheValue()
    {
        var (stores, database, _) = SqliteCatalogStores.Create();
        await stores.Secrets.SetAsync("tnt_a", "zd", new SecretValue(Secret), TestData.Epoch, Ct);
        var otherRing = new SqliteSecretStore(database, SqliteCatalogStores.KeyRing(Path.Combine(Path.GetTempPath(), "dome-keys-" + Guid.NewGuid().ToString("N"))));

        var failure = await Assert.ThrowsAsync<SecretStoreException>(async () => await otherRing.GetAsync("tnt_a", "zd", Ct));

        Assert.DoesNotContain(Secret, failure.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be decrypted", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_CiphertextMovedToAnotherTenantOrName_DoesNotDecrypt()
    {
        var (stores, database, _) = SqliteCatalogStores.Create();
        await stores.Secrets.SetAsync("tnt_a", "zd", new SecretValue(Secret), TestData.Epoch, Ct);
        await using (var connection = database.OpenConnection())
        {
            await using var copy = connection.CreateCommand();
            copy.CommandText = "INSERT INTO secrets SELECT 'tnt_b', 'zd', ciphertext, created_at, updated_at FROM secrets WHERE tenant_id = 'tnt_a'; INSERT INTO secrets SELECT 'tnt_a', 'other', ciphertext, created_at, updated_at FROM secrets WHERE tenant_id = 'tnt_a' AND name = 'zd';";
            await copy.ExecuteNonQueryAsync(Ct);
        }

        await Assert.ThrowsAsync<SecretStoreException>(async () => await stores.Secrets.GetAsync("tnt_b", "zd", Ct));
        await Assert.ThrowsAsync<SecretStoreException>(async () => await stores.Secrets.GetAsync("tnt_a", "other", Ct));
    }

    [Fact]
    public async Task Get_StoreUnavailable_ThrowsSecretStoreException()
    {
        var (stores, database, _) = SqliteCatalogStores.Create();
        await stores.Secrets.SetAsync("tnt_a", "zd", new SecretValue(Secret), TestData.Epoch, Ct);
        await using (var connection = database.OpenConnection())
        {
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE secrets";
            await drop.ExecuteNonQueryAsync(Ct);
        }

        await Assert.ThrowsAsync<SecretStoreException>(async () => await stores.Secrets.GetAsync("tnt_a", "zd", Ct));
        await Assert.ThrowsAsync<SecretStoreException>(() => stores.Secrets.SetAsync("tnt_a", "zd", new SecretValue("x"), TestData.Epoch, Ct));
    }

    [Fact]
    public void SecretValue_ToString_IsRedacted()
    {
        var value = new SecretValue(Secret);

        Assert.Equal("[secret]", value.ToString());
        Assert.DoesNotContain(Secret, $"value={value}", StringComparison.Ordinal);
    }
}
