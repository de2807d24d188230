using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dome.Functions.Hosting;
using Dome.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dome.Functions.Tests.Deployment;

/// <summary>
/// The folder <c>scripts/publish</c> produces, checked against the custom-handler contract: host.json at the root
/// naming a handler that exists there, one folder per function with valid bindings and nothing else holding a
/// function.json, every HTTP function's route and methods served by the app and every app route reachable through
/// one, every queue function's name a POST route of the app; and the published app itself starts the way the host
/// starts it.
/// </summary>
public sealed partial class PublishedLayoutTests(PublishedAppFixture published) : ServerTestBase, IClassFixture<PublishedAppFixture>
{
    private static readonly string[] HttpMethods = ["get", "post", "put", "delete", "patch", "head", "options"];

    [Fact]
    public void HostJson_AtTheRoot_NamesAHandlerThePublishedFolderHolds()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(published.Root, "host.json")))!;
        var description = host["customHandler"]!["description"]!;
        var executable = description["defaultExecutablePath"]!.GetValue<string>();
        var arguments = description["arguments"]?.AsArray().Select(a => a!.GetValue<string>()).ToArray() ?? [];

        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", host["extensionBundle"]!["id"]!.GetValue<string>());
        Assert.Matches(@"^\[\d+\.\*, \d+\.0\.0\)$", host["extensionBundle"]!["version"]!.GetValue<string>());
        if (executable == "dotnet")
        {
            // Framework-dependent: the first argument is the app's dll, beside a runtimeconfig naming .NET 10 and ASP.NET Core.
            var dll = Path.Combine(published.Root, arguments[0]);
            Assert.True(File.Exists(dll), $"host.json starts `dotnet {arguments[0]}` but the published folder has no such file");
            var runtime = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(dll, ".runtimeconfig.json")))!["runtimeOptions"]!;
            Assert.Equal("net10.0", runtime["tfm"]!.GetValue<string>());
            Assert.Contains("Microsoft.AspNetCore.App", runtime["frameworks"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        }
        else
        {
            Assert.True(File.Exists(Path.Combine(published.Root, executable)), $"host.json's handler `{executable}` is not in the published folder");
        }
    }

    [Fact]
    public void FunctionFolders_AreExactlyTheSourceFunctions_AndNoFunctionJsonLivesElsewhere()
    {
        var source = FunctionBinding.All(RepositoryRoot.Combine("functions")).Select(f => f.Name);
        var deployed = FunctionBinding.All(published.Root).Select(f => f.Name);
        var stray = Directory.GetFiles(published.Root, "function.json", SearchOption.AllDirectories)
            .Where(p => Path.GetDirectoryName(Path.GetDirectoryName(p)) != published.Root)
            .Select(p => Path.GetRelativePath(published.Root, p));

        Assert.Equal(source, deployed);
        Assert.Empty(stray);
        Assert.Empty(Directory.GetFiles(published.Root, "function.json"));
    }

    [Fact]
    public void EveryFunction_HasOneTriggerWithValidBindings()
    {
        var functions = FunctionBinding.All(published.Root);

        Assert.NotEmpty(functions);
        foreach (var function in functions)
        {
            Assert.Matches(FunctionName(), function.Name);
            Assert.All(function.Bindings, b => Assert.Contains(FunctionBinding.Str(b, "direction"), (string[])["in", "out"]));
            var trigger = function.Trigger;
            Assert.Equal("in", FunctionBinding.Str(trigger, "direction"));
            switch (function.TriggerType)
            {
                case "httpTrigger":
                    Assert.Equal("anonymous", FunctionBinding.Str(trigger, "authLevel"));
                    Assert.NotEmpty(FunctionBinding.Str(trigger, "route"));
                    var methods = trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>()).ToArray();
                    Assert.NotEmpty(methods);
                    Assert.All(methods, m => Assert.Contains(m, HttpMethods));
                    var output = Assert.Single(function.Bindings, b => FunctionBinding.Str(b, "type") == "http");
                    Assert.Equal("out", FunctionBinding.Str(output, "direction"));
                    Assert.Equal(2, function.Bindings.Count);
                    break;
                case "queueTrigger":
                    Assert.Matches(QueueName(), FunctionBinding.Str(trigger, "queueName"));
                    Assert.Equal("AzureWebJobsStorage", FunctionBinding.Str(trigger, "connection"));
                    Assert.NotEmpty(FunctionBinding.Str(trigger, "name"));
                    Assert.Single(function.Bindings);
                    break;
                default:
                    Assert.Fail($"function `{function.Name}` has trigger `{function.TriggerType}`, which Dome does not serve");
                    break;
            }
        }
    }

    [Fact]
    public void EveryHttpFunction_ProxiesRoutesAndMethodsTheAppServes_AndEveryAppRouteHasOne()
    {
        var functions = FunctionBinding.All(published.Root).Where(f => f.TriggerType == "httpTrigger")
            .Select(f => (f.Name, Route: FunctionBinding.Str(f.Trigger, "route"), Methods: f.Trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()).ToArray()))
            .ToArray();
        var queueRoutes = FunctionBinding.All(published.Root).Where(f => f.TriggerType == "queueTrigger").Select(f => f.Name).ToHashSet();
        var served = AppEndpoints().Where(e => !queueRoutes.Contains(e.Route)).ToArray();

        var unserved = functions.SelectMany(f => f.Methods
                .Where(m => !served.Any(e => Covers(f.Route, e.Route) && e.Methods.Contains(m)))
                .Select(m => $"function `{f.Name}` admits {m} /{f.Route} but the app serves no such route"));
        var unreachable = served.SelectMany(e => e.Methods
                .Where(m => !functions.Any(f => Covers(f.Route, e.Route) && f.Methods.Contains(m)))
                .Select(m => $"the app serves {m} /{e.Route} but no httpTrigger function admits it"));

        Assert.Empty(unserved);
        Assert.Empty(unreachable);
    }

    [Fact]
    public void EveryQueueFunction_IsNamedAfterAPostRouteOfTheApp()
    {
        var queueFunctions = FunctionBinding.All(published.Root).Where(f => f.TriggerType == "queueTrigger").ToArray();
        var endpoints = AppEndpoints();

        Assert.Equal(QueueFunction.All.Select(f => f.Name).Order(StringComparer.Ordinal), queueFunctions.Select(f => f.Name));
        foreach (var function in queueFunctions)
        {
            Assert.Contains(endpoints, e => e.Route == function.Name && e.Methods.Contains("POST"));
            var expected = QueueFunction.All.Single(f => f.Name == function.Name);
            Assert.Equal((expected.Queue, expected.Binding), (FunctionBinding.Str(function.Trigger, "queueName"), FunctionBinding.Str(function.Trigger, "name")));
        }
    }

    [Fact]
    public async Task PublishedApp_StartedAsTheHostStartsIt_ServesHealthAndTheQueueFunctions()
    {
        var description = JsonNode.Parse(File.ReadAllText(Path.Combine(published.Root, "host.json")))!["customHandler"]!["description"]!;
        using var data = new TempDirectory();
        await using var handler = HandlerProcess.Start(
            published.Root,
            description["defaultExecutablePath"]!.GetValue<string>(),
            description["arguments"]!.AsArray().Select(a => a!.GetValue<string>()),
            new Dictionary<string, string> { ["Dome__DataDir"] = data.Path, ["Logging__Console__FormatterName"] = "json" });
        using var client = new HttpClient();

        await handler.WaitUntilHealthyAsync(client, Api.Ct);

        foreach (var function in QueueFunction.All)
        {
            // An envelope without the trigger's data: the function route exists and refuses it (the host would retry).
            using var content = new StringContent("{\"Data\":{},\"Metadata\":{}}", System.Text.Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri(handler.BaseAddress, function.Name), content, Api.Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        // With the JSON console format the Bicep sets, each record is one JSON line with its event id and fields.
        var badEnvelopes = await WaitForLinesAsync(handler, line => line.StartsWith('{') && JsonNode.Parse(line)!["EventId"]?.GetValue<int>() == 2001, QueueFunction.All.Count);
        Assert.Equal(
            QueueFunction.All.Select(f => f.Name).Order(StringComparer.Ordinal),
            badEnvelopes.Select(l => JsonNode.Parse(l)!["State"]!["Function"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    private static async Task<IReadOnlyList<string>> WaitForLinesAsync(HandlerProcess handler, Func<string, bool> match, int count)
    {
        IReadOnlyList<string> lines = [];
        await Api.EventuallyAsync(
            () =>
            {
                lines = [.. handler.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(match)];
                return Task.FromResult(lines.Count >= count);
            },
            $"{count} matching log lines from the published app");
        return lines;
    }

    private (string Route, string[] Methods)[] AppEndpoints() =>
        [.. Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (
                Route: e.RoutePattern.RawText!.TrimStart('/'),
                Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToArray() ?? [.. HttpMethods.Select(m => m.ToUpperInvariant())]))];

    /// <summary>A function route covers an app route when equal, or when the app route starts with the part before its first parameter.</summary>
    private static bool Covers(string functionRoute, string appRoute)
    {
        var brace = functionRoute.IndexOf('{', StringComparison.Ordinal);
        return brace < 0 ? functionRoute == appRoute : appRoute.StartsWith(functionRoute[..brace], StringComparison.Ordinal);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex FunctionName();

    [GeneratedRegex("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex QueueName();
}
