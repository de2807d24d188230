using Azure;
using Dome.Storage.Azure.Tables;
using Dome.Testing.Azurite;

namespace Dome.Core.Tests.Storage.Azure.Tables;

/// <summary>The table client against a real Azurite, run once per auth mode by the subclasses.</summary>
public abstract class TableClientContract(AzuriteFixture azurite, AzuriteAuth auth)
{
    protected AzuriteFixture Azurite { get; } = azurite;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<TableClient> NewTableAsync() => AzureTestClients.NewTableAsync(Azurite, auth);

    [Fact]
    public async Task CreateIfNotExists_Twice_Succeeds()
    {
        var table = await NewTableAsync();
        await table.CreateIfNotExistsAsync(Ct);
        Assert.True((await table.InsertAsync(new TableEntity("p", "r"), Ct)).Succeeded);
        Assert.True(await table.DeleteTableAsync(Ct));
        Assert.False(await table.DeleteTableAsync(Ct));
    }

    [Fact]
    public async Task Insert_EveryPropertyType_RoundTripsThroughGet()
    {
        var table = await NewTableAsync();
        var when = new DateTimeOffset(2026, 3, 4, 5, 6, 7, 891, TimeSpan.Zero).AddTicks(2345);
        var id = Guid.NewGuid();
        var entity = new TableEntity("tenant 'a' ü", "row \"1\" %&+")
        {
            ["Text"] = "it's \"quoted\" ✓",
            ["Flag"] = true,
            ["Small"] = 42,
            ["Big"] = long.MaxValue - 7,
            ["Ratio"] = 2.0,
            ["Fraction"] = 0.125,
            ["When"] = when,
            ["Id"] = id,
            ["Bytes"] = new byte[] { 0, 1, 2, 254, 255 },
        };
        var inserted = await table.InsertAsync(entity, Ct);
        Assert.True(inserted.Succeeded);
        Assert.False(string.IsNullOrEmpty(inserted.ETag));

        var read = await table.GetAsync(entity.PartitionKey, entity.RowKey, cancellationToken: Ct);
        Assert.NotNull(read);
        Assert.Equal(inserted.ETag, read.ETag);
        Assert.NotNull(read.Timestamp);
        Assert.Equal("it's \"quoted\" ✓", read.GetString("Text"));
        Assert.True(read.GetBoolean("Flag"));
        Assert.Equal(42, read.GetInt32("Small"));
        Assert.Equal(long.MaxValue - 7, read.GetInt64("Big"));
        Assert.Equal(2.0, read.GetDouble("Ratio"));
        Assert.Equal(0.125, read.GetDouble("Fraction"));
        Assert.Equal(when, read.GetDateTime("When"));
        Assert.Equal(id, read.GetGuid("Id"));
        Assert.Equal(new byte[] { 0, 1, 2, 254, 255 }, read.GetBinary("Bytes"));
        Assert.Null(await table.GetAsync(entity.PartitionKey, "absent", cancellationToken: Ct));
    }

    [Fact]
    public async Task Get_WithSelect_ReturnsOnlySelectedProperties()
    {
        var table = await NewTableAsync();
        await table.InsertAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" }, Ct);
        var read = await table.GetAsync("p", "r", ["A"], Ct);
        Assert.NotNull(read);
        Assert.Equal("a", read.GetString("A"));
        Assert.Null(read["B"]);
    }

    [Fact]
    public async Task Insert_ExistingKeys_ReturnsAlreadyExists()
    {
        var table = await NewTableAsync();
        Assert.True((await table.InsertAsync(new TableEntity("p", "r") { ["V"] = 1 }, Ct)).Succeeded);
        var second = await table.InsertAsync(new TableEntity("p", "r") { ["V"] = 2 }, Ct);
        Assert.Equal(TableWriteStatus.AlreadyExists, second.Status);
        Assert.Equal(1, (await table.GetAsync("p", "r", cancellationToken: Ct))!.GetInt32("V"));
    }

    [Fact]
    public async Task Update_StaleETag_ReturnsPreconditionFailedAndKeepsWinner()
    {
        var table = await NewTableAsync();
        var first = await table.InsertAsync(new TableEntity("p", "r") { ["V"] = 1 }, Ct);
        var winner = await table.UpdateAsync(new TableEntity("p", "r") { ["V"] = 2 }, first.ETag!, cancellationToken: Ct);
        Assert.True(winner.Succeeded);
        Assert.NotEqual(first.ETag, winner.ETag);

        var loser = await table.UpdateAsync(new TableEntity("p", "r") { ["V"] = 3 }, first.ETag!, cancellationToken: Ct);
        Assert.Equal(TableWriteStatus.PreconditionFailed, loser.Status);
        var stored = await table.GetAsync("p", "r", cancellationToken: Ct);
        Assert.Equal(2, stored!.GetInt32("V"));
        Assert.Equal(winner.ETag, stored.ETag);
    }

    [Fact]
    public async Task UpdateMerge_NoProperties_KeepsValuesButChangesETag()
    {
        var table = await NewTableAsync();
        var first = await table.InsertAsync(new TableEntity("p", "r") { ["V"] = 1 }, Ct);
        var touched = await table.UpdateAsync(new TableEntity("p", "r"), "*", TableUpdateMode.Merge, Ct);

        Assert.True(touched.Succeeded);
        Assert.NotEqual(first.ETag, touched.ETag);
        Assert.Equal(1, (await table.GetAsync("p", "r", cancellationToken: Ct))!.GetInt32("V"));
        Assert.Equal(TableWriteStatus.PreconditionFailed, (await table.DeleteAsync("p", "r", first.ETag!, Ct)).Status);
    }

    [Fact]
    public async Task Update_MissingEntity_ReturnsNotFound()
    {
        var table = await NewTableAsync();
        var result = await table.UpdateAsync(new TableEntity("p", "nobody") { ["V"] = 1 }, "*", cancellationToken: Ct);
        Assert.Equal(TableWriteStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task Upsert_MergeKeepsOtherProperties_ReplaceDropsThem()
    {
        var table = await NewTableAsync();
        await table.UpsertAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" }, cancellationToken: Ct);
        await table.UpsertAsync(new TableEntity("p", "r") { ["B"] = "b2" }, TableUpdateMode.Merge, Ct);
        var merged = await table.GetAsync("p", "r", cancellationToken: Ct);
        Assert.Equal("a", merged!.GetString("A"));
        Assert.Equal("b2", merged.GetString("B"));

        await table.UpsertAsync(new TableEntity("p", "r") { ["C"] = "c" }, TableUpdateMode.Replace, Ct);
        var replaced = await table.GetAsync("p", "r", cancellationToken: Ct);
        Assert.Null(replaced!["A"]);
        Assert.Equal("c", replaced.GetString("C"));
    }

    [Fact]
    public async Task Delete_HonoursETag_ThenReportsNotFound()
    {
        var table = await NewTableAsync();
        var first = await table.InsertAsync(new TableEntity("p", "r"), Ct);
        await table.UpsertAsync(new TableEntity("p", "r") { ["V"] = 1 }, cancellationToken: Ct);
        Assert.Equal(TableWriteStatus.PreconditionFailed, (await table.DeleteAsync("p", "r", first.ETag!, Ct)).Status);
        Assert.True((await table.DeleteAsync("p", "r", "*", Ct)).Succeeded);
        Assert.Equal(TableWriteStatus.NotFound, (await table.DeleteAsync("p", "r", "*", Ct)).Status);
    }

    [Fact]
    public async Task QueryPage_WithTop_FollowsContinuationsAcrossPages()
    {
        var table = await NewTableAsync();
        var batch = Enumerable.Range(0, 25).Select(i => TableOperation.Insert(new TableEntity("p", i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)) { ["N"] = i })).ToList();
        Assert.True((await table.SubmitBatchAsync(batch, Ct)).Succeeded);
        await table.InsertAsync(new TableEntity("other", "000") { ["N"] = 99 }, Ct);

        var filter = TableFilter.PartitionKeyEquals("p");
        var seen = new List<int>();
        var pages = 0;
        TableContinuation? continuation = null;
        do
        {
            var page = await table.QueryPageAsync(filter, ["N"], 10, continuation, Ct);
            pages++;
            seen.AddRange(page.Entities.Select(e => e.GetInt32("N")!.Value));
            continuation = page.Continuation;
        }
        while (continuation is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 25), seen);

        var streamed = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync(filter, pageSize: 7, cancellationToken: Ct))
        {
            streamed.Add(entity);
        }

        Assert.Equal(25, streamed.Count);
    }

    [Fact]
    public async Task Query_FilterLiterals_AreEscaped()
    {
        var table = await NewTableAsync();
        var when = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        await table.InsertAsync(new TableEntity("p", "1") { ["Name"] = "o'brien", ["Count"] = 5L, ["At"] = when }, Ct);
        await table.InsertAsync(new TableEntity("p", "2") { ["Name"] = "o'brien' or true", ["Count"] = 7L, ["At"] = when.AddDays(1) }, Ct);

        var byName = await table.QueryAllAsync(TableFilter.Compare("Name", "eq", "o'brien"), cancellationToken: Ct);
        Assert.Equal("1", Assert.Single(byName).RowKey);

        var byCount = await table.QueryAllAsync(TableFilter.And(TableFilter.PartitionKeyEquals("p"), TableFilter.Compare("Count", "gt", 5L)), cancellationToken: Ct);
        Assert.Equal("2", Assert.Single(byCount).RowKey);

        var byDate = await table.QueryAllAsync(TableFilter.Compare("At", "lt", when.AddHours(1)), cancellationToken: Ct);
        Assert.Equal("1", Assert.Single(byDate).RowKey);
    }

    [Fact]
    public async Task Query_RowKeyPrefix_MatchesOnlyThePrefix()
    {
        var table = await NewTableAsync();
        foreach (var row in new[] { "agent|a", "agent|b", "agentz", "event|a" })
        {
            await table.InsertAsync(new TableEntity("p", row), Ct);
        }

        var rows = await table.QueryAllAsync(TableFilter.And(TableFilter.PartitionKeyEquals("p"), TableFilter.StartsWith("RowKey", "agent|")), cancellationToken: Ct);
        Assert.Equal(["agent|a", "agent|b"], rows.Select(r => r.RowKey));
    }

    [Fact]
    public async Task SubmitBatch_OneFailingOperation_AppliesNothingAndNamesIt()
    {
        var table = await NewTableAsync();
        await table.InsertAsync(new TableEntity("p", "taken"), Ct);
        var result = await table.SubmitBatchAsync(
        [
            TableOperation.Insert(new TableEntity("p", "new1")),
            TableOperation.Insert(new TableEntity("p", "taken")),
            TableOperation.Insert(new TableEntity("p", "new2")),
        ], Ct);

        Assert.Equal(TableWriteStatus.AlreadyExists, result.Status);
        Assert.Equal(1, result.FailedIndex);
        Assert.Null(await table.GetAsync("p", "new1", cancellationToken: Ct));
        Assert.Null(await table.GetAsync("p", "new2", cancellationToken: Ct));
    }

    [Fact]
    public async Task SubmitBatch_MixedOperations_AppliesAllWithETags()
    {
        var table = await NewTableAsync();
        var existing = await table.InsertAsync(new TableEntity("p", "a") { ["V"] = 1 }, Ct);
        await table.InsertAsync(new TableEntity("p", "gone"), Ct);
        var result = await table.SubmitBatchAsync(
        [
            TableOperation.Update(new TableEntity("p", "a") { ["V"] = 2 }, existing.ETag!),
            TableOperation.Insert(new TableEntity("p", "b") { ["V"] = 1 }),
            TableOperation.Upsert(new TableEntity("p", "c") { ["V"] = 1 }, TableUpdateMode.Merge),
            TableOperation.Delete("p", "gone"),
        ], Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(4, result.ETags.Count);
        var a = await table.GetAsync("p", "a", cancellationToken: Ct);
        Assert.Equal(2, a!.GetInt32("V"));
        Assert.Equal(a.ETag, result.ETags[0]);
        Assert.NotNull(await table.GetAsync("p", "b", cancellationToken: Ct));
        Assert.NotNull(await table.GetAsync("p", "c", cancellationToken: Ct));
        Assert.Null(await table.GetAsync("p", "gone", cancellationToken: Ct));
    }

    [Fact]
    public async Task SubmitBatch_StaleETag_ReturnsPreconditionFailed()
    {
        var table = await NewTableAsync();
        var first = await table.InsertAsync(new TableEntity("p", "a") { ["V"] = 1 }, Ct);
        await table.UpsertAsync(new TableEntity("p", "a") { ["V"] = 2 }, cancellationToken: Ct);
        var result = await table.SubmitBatchAsync(
        [
            TableOperation.Insert(new TableEntity("p", "event1")),
            TableOperation.Update(new TableEntity("p", "a") { ["V"] = 3 }, first.ETag!),
        ], Ct);

        Assert.Equal(TableWriteStatus.PreconditionFailed, result.Status);
        Assert.Null(await table.GetAsync("p", "event1", cancellationToken: Ct));
        Assert.Equal(2, (await table.GetAsync("p", "a", cancellationToken: Ct))!.GetInt32("V"));
    }

    [Fact]
    public async Task EncodedKeys_WithForbiddenCharacters_RoundTrip()
    {
        var table = await NewTableAsync();
        var raw = "a/b\\c#d?e~f\tg";
        var key = TableKey.Encode(raw);
        await table.InsertAsync(new TableEntity(key, key) { ["Raw"] = raw }, Ct);
        var read = await table.GetAsync(key, key, cancellationToken: Ct);
        Assert.Equal(raw, TableKey.Decode(read!.PartitionKey));
        Assert.Equal(raw, read.GetString("Raw"));
    }

    [Fact]
    public async Task LargeValue_PastOneProperty_SplitsAndReadsBack()
    {
        var table = await NewTableAsync();
        var value = string.Concat(Enumerable.Range(0, 100_000).Select(i => (char)('a' + (i % 26))));
        var entity = new TableEntity("p", "big");
        TableLargeValue.Write(entity, "Body", value);
        Assert.True((await table.InsertAsync(entity, Ct)).Succeeded);
        var read = await table.GetAsync("p", "big", cancellationToken: Ct);
        Assert.Equal(value, TableLargeValue.Read(read!, "Body"));
    }

    [Fact]
    public async Task Insert_PropertyOver64KiB_IsRefusedBeforeSending()
    {
        var table = await NewTableAsync();
        var entity = new TableEntity("p", "r") { ["Body"] = new string('x', TableEntityLimits.MaxStringChars + 1) };
        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.InsertAsync(entity, Ct));
        Assert.Contains("`Body`", error.Message, StringComparison.Ordinal);
        Assert.Null(await table.GetAsync("p", "r", cancellationToken: Ct));
    }
}
