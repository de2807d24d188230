using System.Text;
using System.Text.Json;
using Dome.Storage.Azure;
using Dome.Storage.Azure.Tables;

namespace Dome.Core.Tests.Storage.Azure.Tables;

/// <summary>The request signing and the JSON and batch wire formats, checked without a server (Azurite checks them end to end).</summary>
public sealed class TableWireFormatTests
{
    [Theory]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1/Tables", "/devstoreaccount1/devstoreaccount1/Tables")]
    [InlineData("https://acct.table.core.windows.net/t1(PartitionKey='a',RowKey='b')?$select=X", "/acct/t1(PartitionKey='a',RowKey='b')")]
    [InlineData("https://acct.table.core.windows.net/?restype=service&comp=properties", "/acct/?comp=properties")]
    public void CanonicalizedResource_PathAndOnlyComp(string uri, string expected)
    {
        var account = uri.Contains("devstoreaccount1", StringComparison.Ordinal) ? "devstoreaccount1" : "acct";
        Assert.Equal(expected, TableSharedKeyPolicy.CanonicalizedResource(account, new Uri(uri)));
    }

    [Fact]
    public void StringToSign_IsVerbMd5TypeDateResource()
    {
        Assert.Equal(
            "POST\n\napplication/json\nSun, 22 Nov 2026 08:00:00 GMT\n/acct/acct/Tables",
            TableSharedKeyPolicy.StringToSign("post", string.Empty, "application/json", "Sun, 22 Nov 2026 08:00:00 GMT", "/acct/acct/Tables"));
    }

    [Fact]
    public void Sign_KeyNotBase64_ThrowsWithoutEchoingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SharedKeySignature.Sign("not base64!!secret", "x"));
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EntityJson_TypedValues_CarryAnnotationsAndReadBack()
    {
        var entity = new TableEntity("p", "r") { ["L"] = 5L, ["D"] = 1.0, ["I"] = 7, ["G"] = Guid.Empty, ["T"] = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), ["B"] = new byte[] { 1 } };
        var json = Encoding.UTF8.GetString(TableEntityJson.Serialize(entity));

        Assert.Contains("\"L@odata.type\":\"Edm.Int64\",\"L\":\"5\"", json, StringComparison.Ordinal);
        Assert.Contains("\"D@odata.type\":\"Edm.Double\"", json, StringComparison.Ordinal);
        Assert.Contains("\"I\":7", json, StringComparison.Ordinal);
        Assert.DoesNotContain("I@odata.type", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        var read = TableEntityJson.Read(document.RootElement, "W/\"x\"");
        Assert.Equal((5L, 1.0, 7, Guid.Empty), (read.GetInt64("L"), read.GetDouble("D"), read.GetInt32("I"), read.GetGuid("G")));
        Assert.IsType<double>(read["D"]);
        Assert.Equal(new byte[] { 1 }, read.GetBinary("B"));
        Assert.Equal("W/\"x\"", read.ETag);
    }

    [Fact]
    public void Entity_UnsupportedValueOrSystemName_IsRefused()
    {
        var entity = new TableEntity("p", "r");
        Assert.Throws<ArgumentException>(() => entity["X"] = new object());
        Assert.Throws<ArgumentException>(() => entity["RowKey"] = "x");
        Assert.Throws<ArgumentException>(() => entity["bad name"] = "x");
    }

    [Fact]
    public void EntityLimits_OverOneMiB_IsRefused()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 20; i++)
        {
            entity["P" + i] = new string('x', TableEntityLimits.MaxStringChars);
        }

        var error = Assert.Throws<ArgumentException>(() => TableEntityJson.Serialize(entity));
        Assert.Contains("at most 1048576", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EntityLimits_DateBefore1601_IsRefused()
    {
        var entity = new TableEntity("p", "r") { ["At"] = DateTimeOffset.MinValue };
        var error = Assert.Throws<ArgumentException>(() => TableEntityJson.Serialize(entity));
        Assert.Contains("`At`", error.Message, StringComparison.Ordinal);
        entity["At"] = TableEntityLimits.MinDateTime;
        Assert.NotEmpty(TableEntityJson.Serialize(entity));
    }

    [Fact]
    public void BatchResponse_FailedChangeSet_YieldsStatusAndIndex()
    {
        var body = string.Join("\r\n",
            "--batchresponse_1",
            "Content-Type: multipart/mixed; boundary=changesetresponse_2",
            string.Empty,
            "--changesetresponse_2",
            "Content-Type: application/http",
            "Content-Transfer-Encoding: binary",
            string.Empty,
            "HTTP/1.1 409 Conflict",
            "Content-Type: application/json;odata=minimalmetadata;charset=utf-8",
            string.Empty,
            """{"odata.error":{"code":"EntityAlreadyExists","message":{"lang":"en-US","value":"2:The specified entity already exists."}}}""",
            "--changesetresponse_2--",
            "--batchresponse_1--",
            string.Empty);

        var part = Assert.Single(TableBatchContent.ParseResponse(body));
        Assert.Equal(409, part.Status);
        Assert.Equal("EntityAlreadyExists", TableErrors.CodeFromBody(part.Body));
        Assert.StartsWith("2:", TableErrors.MessageFromBody(part.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_AcrossPartitionsOrTwiceTheSameRow_IsRefusedBeforeSending()
    {
        var service = new TableServiceClient(new Uri("http://127.0.0.1:1/acct"), new global::Azure.AzureNamedKeyCredential("acct", Convert.ToBase64String(new byte[32])));
        var table = service.GetTableClient("nothing");
        var ct = TestContext.Current.CancellationToken;
        // Nothing listens on port 1: reaching the network would fail differently from these argument errors.
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitBatchAsync([TableOperation.Insert(new TableEntity("a", "1")), TableOperation.Insert(new TableEntity("b", "1"))], ct));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitBatchAsync([TableOperation.Insert(new TableEntity("a", "1")), TableOperation.Delete("a", "1")], ct));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitBatchAsync([.. Enumerable.Range(0, 101).Select(i => TableOperation.Insert(new TableEntity("a", i.ToString(System.Globalization.CultureInfo.InvariantCulture))))], ct));
    }
}
