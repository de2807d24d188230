using System.Text.Json.Nodes;
using Dome.Functions.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dome.Functions.Tests.Hosting;

/// <summary>
/// The custom-handler contract: host.json declares the handler, every queue function has its queueTrigger
/// function.json, and every HTTP route the app serves is reachable through some httpTrigger function.
/// </summary>
public sealed class FunctionLayoutTests : ServerTestBase
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void HostJson_DeclaresCustomHandlerWithProxyingAndNoRoutePrefix()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "host.json")))!;

        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        // Framework-dependent: the dotnet-isolated stack's `dotnet` runs the app's dll (docs/azure.md, Deployment).
        Assert.Equal("dotnet", host["customHandler"]!["description"]!["defaultExecutablePath"]!.GetValue<string>());
        Assert.Equal(
            [typeof(DomeServer).Assembly.GetName().Name + ".dll"],
            host["customHandler"]!["description"]!["arguments"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.True(host["customHandler"]!["enableProxyingHttpRequest"]!.GetValue<bool>());
        Assert.Equal(string.Empty, host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
        Assert.Equal(5, host["extensions"]!["queues"]!["maxDequeueCount"]!.GetValue<int>());
    }

    [Fact]
    public void EveryQueueFunction_HasQueueTriggerFunctionJson()
    {
        foreach (var function in QueueFunction.All)
        {
            var path = Path.Combine(Root, "functions", function.Name, "function.json");
            Assert.True(File.Exists(path), $"missing {path}");
            var binding = JsonNode.Parse(File.ReadAllText(path))!["bindings"]!.AsArray().Single()!;
            Assert.Equal(
                ("queueTrigger", function.Queue, function.Binding, "AzureWebJobsStorage"),
                (binding["type"]!.GetValue<string>(), binding["queueName"]!.GetValue<string>(), binding["name"]!.GetValue<string>(), binding["connection"]!.GetValue<string>()));
        }
    }

    [Fact]
    public void EveryHttpRoute_IsProxiedByAnHttpTriggerFunction_AndNoQueueRouteIs()
    {
        var routes = Directory.GetFiles(Path.Combine(Root, "functions"), "function.json", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(p => JsonNode.Parse(File.ReadAllText(p))!["bindings"]!.AsArray())
            .Where(b => b!["type"]!.GetValue<string>() == "httpTrigger")
            .Select(b => b!["route"]!.GetValue<string>())
            .ToArray();
        var served = Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .ToArray();

        foreach (var route in served)
        {
            var isQueueFunction = QueueFunction.All.Any(f => f.Name == route);
            Assert.True(isQueueFunction != routes.Any(r => Covers(r, route)), $"route `/{route}` is {(isQueueFunction ? "a queue function exposed over HTTP" : "served but no httpTrigger function proxies it")}");
        }
    }

    private static bool Covers(string functionRoute, string appRoute)
    {
        var brace = functionRoute.IndexOf('{', StringComparison.Ordinal);
        return brace < 0 ? functionRoute == appRoute : appRoute.StartsWith(functionRoute[..brace], StringComparison.Ordinal);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dome.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Dome.Functions.sln)");
    }
}
