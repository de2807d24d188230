using Dome.Core.Policy;

namespace Dome.Core.Tests.Storage;

/// <summary>What every <see cref="IPolicyStore"/> must do. Each adapter inherits this once.</summary>
public abstract class PolicyStoreContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Opens the store kept at <paramref name="location"/>; opening the same location again is a restart.</summary>
    protected abstract IPolicyStore Open(string location);

    protected abstract string NewLocation();

    [Fact]
    public async Task GetActive_NeverPublished_ReturnsNullAndNoSettings()
    {
        var store = Open(NewLocation());

        Assert.Null(await store.GetActiveAsync("tnt_a", Ct));
        Assert.Null(await store.GetActiveHashAsync("tnt_a", Ct));
        Assert.Empty(await store.ListAsync("tnt_a", Ct));
        Assert.Equal(PolicySettings.None, await store.GetSettingsAsync("tnt_a", Ct));
    }

    [Fact]
    public async Task Activate_ThenGetActive_ReturnsTheWholeVersion()
    {
        var store = Open(NewLocation());
        var version = Version("tnt_a", "1", TestData.Epoch) with
        {
            Files = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["b.cedar"] = "forbid (principal, action, resource) when { context.x == \"ü ✓\" };",
                ["a.cedar"] = "permit (principal, action, resource);\n// second line",
            },
        };

        await store.ActivateAsync(version, Ct);

        var active = await store.GetActiveAsync("tnt_a", Ct);
        Assert.NotNull(active);
        Assert.Equal((version.TenantId, version.Hash, version.Schema, version.PublishedBy, version.PublishedAt), (active.TenantId, active.Hash, active.Schema, active.PublishedBy, active.PublishedAt));
        Assert.Equal(["a.cedar", "b.cedar"], active.Files.Keys);
        Assert.Equal(version.Files["b.cedar"], active.Files["b.cedar"]);
        Assert.Equal(version.Hash, await store.GetActiveHashAsync("tnt_a", Ct));
    }

    [Fact]
    public async Task Activate_NewerVersion_BecomesActive_ListIsNewestFirstWithOneActive()
    {
        var store = Open(NewLocation());
        await store.ActivateAsync(Version("tnt_a", "1", TestData.Epoch), Ct);
        await store.ActivateAsync(Version("tnt_a", "2", TestData.Epoch.AddMinutes(1)), Ct);

        var list = await store.ListAsync("tnt_a", Ct);

        Assert.Equal([Hash("2"), Hash("1")], list.Select(v => v.Hash));
        Assert.Equal([true, false], list.Select(v => v.Active));
        Assert.Equal(["policy.cedar"], list[0].FileNames);
        Assert.Equal((TestData.Epoch.AddMinutes(1), TestData.Epoch.AddMinutes(1), "admin:k1"), (list[0].PublishedAt, list[0].ActivatedAt, list[0].PublishedBy));
        Assert.Equal(Hash("2"), (await store.GetActiveAsync("tnt_a", Ct))!.Hash);
    }

    [Fact]
    public async Task Activate_SameHashAgain_ReactivatesWithoutASecondCopy()
    {
        var store = Open(NewLocation());
        await store.ActivateAsync(Version("tnt_a", "1", TestData.Epoch), Ct);
        await store.ActivateAsync(Version("tnt_a", "2", TestData.Epoch.AddMinutes(1)), Ct);

        await store.ActivateAsync(Version("tnt_a", "1", TestData.Epoch.AddMinutes(2)) with { PublishedBy = "admin:k2" }, Ct);

        var list = await store.ListAsync("tnt_a", Ct);
        Assert.Equal([Hash("1"), Hash("2")], list.Select(v => v.Hash));
        Assert.Equal((true, TestData.Epoch, TestData.Epoch.AddMinutes(2), "admin:k1"), (list[0].Active, list[0].PublishedAt, list[0].ActivatedAt, list[0].PublishedBy));
        Assert.Equal(Hash("1"), await store.GetActiveHashAsync("tnt_a", Ct));
    }

    [Fact]
    public async Task Versions_AreScopedToTheirTenant()
    {
        var store = Open(NewLocation());
        await store.ActivateAsync(Version("tnt_a", "1", TestData.Epoch), Ct);
        await store.ActivateAsync(Version("tnt_b", "2", TestData.Epoch), Ct);

        Assert.Equal(Hash("1"), await store.GetActiveHashAsync("tnt_a", Ct));
        Assert.Equal(Hash("2"), (await store.GetActiveAsync("tnt_b", Ct))!.Hash);
        Assert.Equal([Hash("2")], (await store.ListAsync("tnt_b", Ct)).Select(v => v.Hash));
        Assert.Null(await store.GetActiveAsync("tnt_c", Ct));
    }

    [Fact]
    public async Task Activate_ConcurrentPublishers_ActivePointerNamesAStoredVersion()
    {
        var store = Open(NewLocation());
        var versions = Enumerable.Range(0, 8).Select(i => Version("tnt_a", "v" + i, TestData.Epoch.AddSeconds(i))).ToArray();

        await Task.WhenAll(versions.Select(v => store.ActivateAsync(v, Ct)));

        var list = await store.ListAsync("tnt_a", Ct);
        Assert.Equal(versions.Select(v => v.Hash).Order(StringComparer.Ordinal), list.Select(v => v.Hash).Order(StringComparer.Ordinal));
        var activeHash = await store.GetActiveHashAsync("tnt_a", Ct);
        Assert.Equal(activeHash, Assert.Single(list, v => v.Active).Hash);
        var active = await store.GetActiveAsync("tnt_a", Ct);
        Assert.Equal(versions.Single(v => v.Hash == activeHash).Files["policy.cedar"], active!.Files["policy.cedar"]);
    }

    [Fact]
    public async Task Activate_LargePolicySet_RoundTrips()
    {
        var store = Open(NewLocation());
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < 6; i++)
        {
            files[$"p{i}.cedar"] = string.Concat(Enumerable.Range(0, 1500).Select(n => $"permit (principal == User::\"u{i}_{n}\", action, resource);\n"));
        }

        var version = Version("tnt_a", "big", TestData.Epoch) with { Files = files, Schema = new string('s', 70_000) };
        Assert.True(files.Values.Sum(f => f.Length) > 300_000);

        await store.ActivateAsync(version, Ct);

        var active = await store.GetActiveAsync("tnt_a", Ct);
        Assert.Equal(files.ToArray(), active!.Files.ToArray());
        Assert.Equal(version.Schema, active.Schema);
    }

    [Fact]
    public async Task SetSettings_ThenGet_ReplacesAndStaysInItsTenant()
    {
        var store = Open(NewLocation());
        var settings = new PolicySettings { JudgeUrl = "https://judge.example.com/decide", JudgeTimeoutMs = 1500, ApprovalLifetimeSeconds = 600 };

        await store.SetSettingsAsync("tnt_a", settings, Ct);
        Assert.Equal(settings, await store.GetSettingsAsync("tnt_a", Ct));
        await store.SetSettingsAsync("tnt_a", new PolicySettings { ApprovalLifetimeSeconds = 60 }, Ct);

        Assert.Equal(new PolicySettings { ApprovalLifetimeSeconds = 60 }, await store.GetSettingsAsync("tnt_a", Ct));
        Assert.Equal(PolicySettings.None, await store.GetSettingsAsync("tnt_b", Ct));
    }

    [Fact]
    public async Task Reopen_KeepsVersionsActivePointerAndSettings()
    {
        var location = NewLocation();
        var first = Open(location);
        await first.ActivateAsync(Version("tnt_a", "1", TestData.Epoch), Ct);
        await first.SetSettingsAsync("tnt_a", new PolicySettings { JudgeTimeoutMs = 900 }, Ct);

        var reopened = Open(location);

        Assert.Equal(Hash("1"), (await reopened.GetActiveAsync("tnt_a", Ct))!.Hash);
        Assert.Equal(900, (await reopened.GetSettingsAsync("tnt_a", Ct)).JudgeTimeoutMs);
    }

    internal static string Hash(string seed) =>
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed)));

    private static PolicyVersion Version(string tenantId, string seed, DateTimeOffset at) => new()
    {
        TenantId = tenantId,
        Hash = Hash(seed),
        Files = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["policy.cedar"] = $"// version {seed}\npermit (principal, action, resource);" },
        Schema = "entity User; action \"call\" appliesTo { principal: User, resource: User };",
        PublishedBy = "admin:k1",
        PublishedAt = at,
    };
}
