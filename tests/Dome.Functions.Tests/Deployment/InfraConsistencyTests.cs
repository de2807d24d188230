using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dome.Functions.Hosting;
using YamlDotNet.RepresentationModel;

namespace Dome.Functions.Tests.Deployment;

/// <summary>
/// The deployment's parts agree: <c>azure.yaml</c>'s service is the Functions project and the Bicep function app
/// azd deploys it to; <c>main.parameters.json</c> and <c>main.bicep</c> declare the same parameters; the app
/// settings are keys Dome (found from its options types) or the Functions host reads; the azd outputs the onboarding
/// script and the README use are outputs of <c>main.bicep</c>.
/// </summary>
public sealed partial class InfraConsistencyTests
{
    private static readonly string[] AzdVariables = ["AZURE_ENV_NAME", "AZURE_LOCATION", "AZURE_SUBSCRIPTION_ID", "AZURE_PRINCIPAL_ID"];

    [Fact]
    public void AzureYaml_NamesTheFunctionsProject_AndTheFunctionAppTaggedWithItsService()
    {
        var yaml = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(RepositoryRoot.Combine("azure.yaml"))))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var services = (YamlMappingNode)root["services"];
        var (name, service) = Assert.Single(services.Children);
        var settings = ((YamlMappingNode)service).Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value!);
        var infra = ((YamlMappingNode)root["infra"]).Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value!);

        Assert.Equal(("function", "dotnet"), (settings["host"], settings["language"]));
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, settings["project"], "Dome.Functions.csproj")), $"azure.yaml's project `{settings["project"]}` is not the Functions app");
        Assert.Equal("bicep", infra["provider"]);
        Assert.True(File.Exists(RepositoryRoot.Combine(infra["path"], "main.bicep")));
        Assert.Contains($"'azd-service-name': '{((YamlScalarNode)name).Value}'", BicepText.Read("modules", "functionapp.bicep"), StringComparison.Ordinal);
    }

    [Fact]
    public void MainParameters_SetEveryRequiredParameter_AndNothingMainBicepLacks()
    {
        var declared = BicepText.Parameters(BicepText.Read("main.bicep"));
        var file = JsonNode.Parse(BicepText.Read("main.parameters.json"))!["parameters"]!.AsObject();
        var values = file.ToDictionary(p => p.Key, p => p.Value!["value"]!.GetValue<string>());

        Assert.Empty(values.Keys.Except(declared.Keys));
        Assert.Empty(declared.Where(p => !p.Value).Select(p => p.Key).Except(values.Keys));
        Assert.All(values, v => Assert.Matches(@"^\$\{(AZURE_[A-Z_]+)\}$", v.Value));
        Assert.All(values, v => Assert.Contains(v.Value[2..^1], AzdVariables));
    }

    [Fact]
    public void AppSettings_AreKeysDomeOrTheFunctionsHostReads()
    {
        var settings = BicepText.AppSettings(BicepText.Read("modules", "functionapp.bicep"));
        var domeKeys = AppConfigurationKeys.Discover();
        var queueConnections = FunctionBinding.All(RepositoryRoot.Combine("functions"))
            .Where(f => f.TriggerType == "queueTrigger").Select(f => FunctionBinding.Str(f.Trigger, "connection")).Distinct().ToArray();

        Assert.Contains("Dome:Tokens:Issuer", domeKeys);
        var unknown = settings.Keys.Where(name => name switch
        {
            _ when name.StartsWith("Dome__", StringComparison.Ordinal) => !domeKeys.Contains(name.Replace("__", ":", StringComparison.Ordinal)),
            // Identity-based host connections: <connection>__accountName / __credential / __clientId.
            _ when name.Contains("__", StringComparison.Ordinal) && queueConnections.Contains(name[..name.IndexOf("__", StringComparison.Ordinal)]) =>
                !((string[])["accountName", "credential", "clientId"]).Contains(name[(name.IndexOf("__", StringComparison.Ordinal) + 2)..]),
            // ASP.NET Core's console logger configuration, read by the app's host builder.
            "Logging__Console__FormatterName" => false,
            // The Functions host's telemetry: connection string, and Entra ID sign-in as the app identity.
            "APPLICATIONINSIGHTS_CONNECTION_STRING" or "APPLICATIONINSIGHTS_AUTHENTICATION_STRING" => false,
            _ => true,
        }).ToArray();

        Assert.Empty(unknown);
        Assert.Equal(["AzureWebJobsStorage"], queueConnections);
        Assert.Equal("'azure'", settings["Dome__Storage__Kind"]);
        Assert.Equal("'managedidentity'", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("identityClientId", settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal("identityClientId", settings["Dome__Storage__Azure__ClientId"]);
        Assert.Equal(
            ["Dome__KeyVault__Uri", "Dome__Storage__Azure__QueueEndpoint", "Dome__Storage__Azure__TableEndpoint", "Dome__Tokens__Issuer"],
            settings.Keys.Where(k => k is "Dome__KeyVault__Uri" or "Dome__Storage__Azure__QueueEndpoint" or "Dome__Storage__Azure__TableEndpoint" or "Dome__Tokens__Issuer").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void StorageQueues_AreTheQueuesOfTheQueueFunctions_AndTheirPoisonQueues()
    {
        var declared = QueueList().Match(BicepText.Read("modules", "storage.bicep"));
        var queues = QueueFunction.All.SelectMany(f => (string[])[f.Queue, Core.Queues.QueueNames.Poison(f.Queue)]).Order(StringComparer.Ordinal);

        Assert.True(declared.Success, "storage.bicep declares no `var queueNames = [ ... ]`");
        Assert.Equal(queues, declared.Groups[1].Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Select(q => q.Trim('\'')).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void OutputsTheOnboardingScriptAndReadmeUse_AreMainBicepOutputs()
    {
        var outputs = BicepText.Outputs(BicepText.Read("main.bicep"));
        var script = File.ReadAllText(RepositoryRoot.Combine("scripts", "azure-onboard"));
        var readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));
        var deploySection = readme[readme.IndexOf("## Deploy to Azure", StringComparison.Ordinal)..];
        var nextSection = deploySection.IndexOf("\n## ", 3, StringComparison.Ordinal);
        deploySection = nextSection < 0 ? deploySection : deploySection[..nextSection];
        string[] cliVariables = ["DOME_URL", "DOME_ADMIN_KEY", "DOME_OPERATOR_KEY"];

        var used = AzdName().Matches(script + deploySection).Select(m => m.Value).Distinct().ToArray();

        Assert.Contains("DOME_URL", outputs);
        Assert.Contains("DOME_KEY_VAULT_NAME", used);
        Assert.Empty(used.Except(outputs).Except(AzdVariables).Except(cliVariables));
    }

    [GeneratedRegex(@"^var queueNames = \[ ((?:'[a-z0-9-]+',? )+)\]$", RegexOptions.Multiline)]
    private static partial Regex QueueList();

    [GeneratedRegex(@"\b(?:DOME|AZURE)_[A-Z][A-Z_]*[A-Z]\b")]
    private static partial Regex AzdName();
}
