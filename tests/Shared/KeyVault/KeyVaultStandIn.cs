using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dome.Testing.KeyVault;

/// <summary>
/// An in-process stand-in for Azure Key Vault's secrets REST API, over HTTPS on loopback: no Key Vault emulator
/// exists (Azurite has none), so the adapters are tested against this. It speaks what <see cref="SecretClient"/>
/// sends: the bearer challenge (a request without a valid token gets 401 with
/// <c>WWW-Authenticate: Bearer authorization="…", resource="…"</c>), then set, get (latest or a version), list
/// (paged with <c>nextLink</c>), list versions, soft delete, get deleted, recover and purge, with Key Vault's JSON
/// shapes and error bodies.
/// </summary>
public sealed class KeyVaultStandIn : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly X509Certificate2 certificate;
    private readonly string token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    private int challenges;
    private int refused;

    private KeyVaultStandIn(WebApplication app, X509Certificate2 certificate, Uri vaultUri)
    {
        this.app = app;
        this.certificate = certificate;
        VaultUri = vaultUri;
        Vault = new StandInVault(vaultUri);
        Credential = new StandInCredential(Resource, token);
    }

    public Uri VaultUri { get; }

    /// <summary>The <c>resource</c> the challenge names: the vault's own origin, so the SDK's resource check passes.</summary>
    public string Resource => VaultUri.GetLeftPart(UriPartial.Authority);

    public StandInVault Vault { get; }

    /// <summary>The only credential whose token the stand-in accepts.</summary>
    public StandInCredential Credential { get; }

    /// <summary>How many 401 challenges were sent to requests without a token.</summary>
    public int Challenges => Volatile.Read(ref challenges);

    /// <summary>How many requests carried a token that is not the credential's.</summary>
    public int Refused => Volatile.Read(ref refused);

    /// <summary>A client transport that trusts exactly this stand-in's certificate.</summary>
    public HttpClientTransport Transport() => new(new HttpClient(LoopbackCertificate.TrustingOnly(certificate)));

    public SecretClient Client(int maxRetries = 3) => new(VaultUri, Credential, Options(maxRetries));

    /// <summary>
    /// Client options for this stand-in: its transport, and the SDK's challenge-resource check off, because that
    /// check wants the vault's host to be a subdomain of the challenge's resource (as <c>x.vault.azure.net</c> is of
    /// <c>vault.azure.net</c>), which a loopback IP cannot be. The challenge and the bearer token still go through.
    /// </summary>
    public SecretClientOptions Options(int maxRetries = 3) => new()
    {
        Transport = Transport(),
        Retry = { MaxRetries = maxRetries },
        DisableChallengeResourceVerification = true,
    };

    public static async Task<KeyVaultStandIn> StartAsync(CancellationToken cancellationToken)
    {
        var certificate = LoopbackCertificate.Create();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        KeyVaultStandIn? standIn = null;
        app.Run(http => standIn!.HandleAsync(http));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn = new KeyVaultStandIn(app, certificate, new Uri(new Uri(address).GetLeftPart(UriPartial.Authority).Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/"));
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        certificate.Dispose();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref challenges);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = $"Bearer authorization=\"https://login.invalid/72f988bf-86f1-41af-91ab-2d7cd011db47\", resource=\"{Resource}\"";
            await http.Response.WriteAsJsonAsync(StandInVault.Error("Unauthorized", "AKV10000: Request is missing a Bearer or PoP token."));
            return;
        }

        if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(authorization["Bearer ".Length..]), System.Text.Encoding.UTF8.GetBytes(token)))
        {
            Interlocked.Increment(ref refused);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await http.Response.WriteAsJsonAsync(StandInVault.Error("Unauthorized", "AKV10032: Invalid token."));
            return;
        }

        if (string.IsNullOrEmpty(http.Request.Query["api-version"]))
        {
            await ReplyAsync(http, (400, StandInVault.Error("BadParameter", "The api-version query parameter is missing.")));
            return;
        }

        JsonObject? body = null;
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            body = JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync(http.RequestAborted)) as JsonObject;
        }

        var segments = http.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        await ReplyAsync(http, Vault.Handle(http.Request.Method, segments, http.Request.Query, body));
    }

    private static async Task ReplyAsync(HttpContext http, (int Status, JsonObject? Body) reply)
    {
        http.Response.StatusCode = reply.Status;
        if (reply.Body is not null)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(reply.Body.ToJsonString());
        }
    }
}
