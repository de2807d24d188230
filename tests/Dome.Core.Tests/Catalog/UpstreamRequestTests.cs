using System.Text;
using System.Text.Json;
using Dome.Core.Catalog;
using Dome.Core.Errors;
using Dome.Core.Tests.Storage;

namespace Dome.Core.Tests.Catalog;

public sealed class UpstreamRequestTests
{
    private static UpstreamRequest Build(Tool tool, string arguments)
    {
        using var document = JsonDocument.Parse(arguments);
        return UpstreamRequest.Build(CatalogData.Connection("tnt_a", "zendesk"), tool, document.RootElement);
    }

    [Fact]
    public void Build_Post_BindsPathAndHeader_RestIsTheBody()
    {
        var request = Build(CatalogData.Tool("tnt_a", "zendesk", "t"), """{"id":"a b/c","X-Trace":"t1","subject":"Hi","n":2}""");

        Assert.Equal("https://zendesk.example.com/api/v2/tickets/a%20b%2Fc", request.Url.AbsoluteUri);
        Assert.Equal([new KeyValuePair<string, string>("X-Trace", "t1")], request.Headers);
        Assert.Equal("""{"subject":"Hi","n":2}""", Encoding.UTF8.GetString(request.Body!));
    }

    [Fact]
    public void Build_Get_UnboundArgumentsGoToTheQuery()
    {
        var tool = CatalogData.Tool("tnt_a", "zendesk", "t") with { Method = "GET", Path = "/v2/tickets", Parameters = [] };

        var request = Build(tool, """{"q":"a&b","tags":["x","y"],"page":2,"skip":null}""");

        Assert.Equal("https://zendesk.example.com/api/v2/tickets?q=a%26b&tags=x&tags=y&page=2", request.Url.AbsoluteUri);
        Assert.Null(request.Body);
    }

    [Fact]
    public void Build_BodyProperty_IsTheWholeBody()
    {
        var tool = CatalogData.Tool("tnt_a", "zendesk", "t") with { BodyProperty = "body", Method = "PUT" };

        var request = Build(tool, """{"id":"7","body":["a","b"]}""");

        Assert.Equal("""["a","b"]""", Encoding.UTF8.GetString(request.Body!));
    }

    [Fact]
    public void Build_MissingPathArgument_OrHeaderWithNewline_IsInvalid()
    {
        var tool = CatalogData.Tool("tnt_a", "zendesk", "t");

        Assert.Equal(DomeErrorCode.InvalidRequest, Assert.Throws<DomeException>(() => Build(tool, """{"subject":"x"}""")).Code);
        Assert.Equal(DomeErrorCode.InvalidRequest, Assert.Throws<DomeException>(() => Build(tool, """{"id":"1","X-Trace":"a\r\nInjected: yes"}""")).Code);
        Assert.Equal(DomeErrorCode.InvalidRequest, Assert.Throws<DomeException>(() => Build(tool, """{"id":{"a":1}}""")).Code);
    }
}
