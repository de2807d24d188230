using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dome.Core.Catalog;
using Dome.Core.Catalog.Schema;
using Dome.Functions.Endpoints;
using Dome.Gateway.Credentials;
using Dome.Gateway.Forwarding;
using Dome.Gateway.Output;
using Dome.Gateway.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

/// <summary>
/// The CPU steps of one governed call of the load test (bench/Dome.Gateway.Load): its tool's input schema and binding,
/// the forwarder against an in-memory upstream (no network), the output rules on the upstream's answer, and the
/// rendering of the allowed result.
/// </summary>
internal static class CallPath
{
    private const string InputSchema = """{"type":"object","properties":{"subject":{"type":"string"},"priority":{"type":"string","enum":["low","high"]},"amount":{"type":"number"}},"required":["subject"]}""";
    private const string Arguments = """{"subject":"printer on fire","priority":"low","amount":120}""";
    private const string Answer = """{"id":4711,"subject":"printer on fire","status":"open","customer":{"name":"Ada","email":"ada@example.com","ssn":"123-45-6789"}}""";

    public static async Task RunAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var connection = new Connection
        {
            TenantId = "tnt_bench", Name = "zendesk", BaseUrl = new Uri("http://127.0.0.1:5123/"), OutputRules = null, CreatedAt = now, UpdatedAt = now,
            Auth = new ConnectionAuth { Kind = AuthKind.Bearer, SecretName = "zendesk-token", HeaderName = null, TokenUrl = null, Scope = null },
        };
        var tool = new Tool
        {
            TenantId = "tnt_bench", Connection = "zendesk", Name = "create_ticket", Method = "POST", Path = "/api/v2/tickets", Description = "",
            InputSchema = InputSchema, Parameters = [], BodyProperty = null, OutputRules = null, AuditArguments = false, Tags = [], Risk = null,
            CreatedAt = now, UpdatedAt = now,
        };
        var schema = JsonSchema.Parse(InputSchema);
        using var arguments = JsonDocument.Parse(Arguments);
        var args = arguments.RootElement;
        Console.WriteLine("governed call steps (the load test's tool, arguments and upstream answer)");
        Harness.Measure("  step 4: schema validation", () => schema.Validate(args));
        Harness.Measure("  step 4: UpstreamRequest.Build", () => UpstreamRequest.Build(connection, tool, args));

        var answer = Encoding.UTF8.GetBytes(Answer);
        var upstream = UpstreamRequest.Build(connection, tool, args);
        using var clients = new InMemoryClients(answer);
        var forwarder = ActivatorUtilities.CreateInstance<UpstreamForwarder>(
            new ServiceCollection().AddSingleton<IHttpClientFactory>(clients).AddSingleton<IHttpMessageHandlerFactory>(clients).BuildServiceProvider(),
            Options.Create(new GatewayOptions()));
        var credential = new UpstreamCredential("Authorization", "Bearer load-secret");
        await Harness.MeasureAsync("  step 8: forward (in-memory upstream)", () => forwarder.SendAsync(upstream, credential, null, "zendesk", CancellationToken.None));
        using var alone = new HttpMessageInvoker(clients.CreateHandler(UpstreamForwarder.HttpClientName), disposeHandler: false);
        using var probe = new HttpRequestMessage(HttpMethod.Post, upstream.Url);
        await Harness.MeasureAsync("    of which the in-memory upstream", async () => (await alone.SendAsync(probe, CancellationToken.None)).Dispose());

        var governor = new OutputGovernor(Options.Create(new OutputOptions()));
        var rules = new OutputRules { Redact = ["$.customer.ssn"], Detect = ["pii"] }.Compile();
        Harness.Measure("  step 9: output (redact ssn, pii)", () => governor.Apply(answer, "application/json", rules));

        var governed = governor.Apply(answer, "application/json", rules);
        var reader = new Utf8JsonReader(governed.Body.Span);
        var outcome = new CallOutcome
        {
            CallId = "call_01JD8Y5C0Q7K3M4N5P6R7S8T9V", Failure = CallFailure.None, Decision = "allow",
            Result = new ToolCallResult
            {
                Status = 200, Body = JsonElement.ParseValue(ref reader),
                Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["content-type"] = "application/json" },
            },
        };
        var http = RenderContext();
        await Harness.MeasureAsync("  render: allowed result", () => GatewayApi.Allowed(outcome).ExecuteAsync(http));
    }

    /// <summary>A response like the app's: its JSON options (DomeServer), logging, a body that discards what it gets.</summary>
    private static DefaultHttpContext RenderContext()
    {
        var services = new ServiceCollection().AddLogging();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        });
        return new DefaultHttpContext { RequestServices = services.BuildServiceProvider(), Response = { Body = Stream.Null } };
    }

    /// <summary>An upstream that answers every request at once with the ticket, with the headers Kestrel sends.</summary>
    private sealed class InMemoryClients(byte[] answer) : IHttpMessageHandlerFactory, IHttpClientFactory, IDisposable
    {
        private readonly Handler handler = new(answer);

        public HttpMessageHandler CreateHandler(string name) => handler;

        // As the app configures the upstream client: no timeout of its own (the forwarder has one).
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

        public void Dispose() => handler.Dispose();

        private sealed class Handler(byte[] answer) : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent(answer) };
                response.Headers.Date = DateTimeOffset.UtcNow;
                response.Headers.TryAddWithoutValidation("Server", "Kestrel");
                response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                response.Content.Headers.ContentLength = answer.Length;
                return Task.FromResult(response);
            }
        }
    }
}
