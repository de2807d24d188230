using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;

namespace Dome.Testing.Azurite;

/// <summary>One running Azurite service (table or queue) in one auth mode, as a test uses it.</summary>
public sealed class AzuriteService
{
    private readonly Process _process;
    private readonly byte[]? _pinnedCertificate;

    internal AzuriteService(string service, AzuriteAuth auth, Uri endpoint, Process process, X509Certificate2? certificate)
    {
        Service = service;
        Auth = auth;
        Endpoint = endpoint;
        _process = process;
        Certificate = certificate;
        _pinnedCertificate = certificate?.RawData;
    }

    /// <summary><c>table</c> or <c>queue</c>.</summary>
    public string Service { get; }

    public AzuriteAuth Auth { get; }

    /// <summary>The service root in path style: <c>http(s)://127.0.0.1:port/devstoreaccount1</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The self-signed certificate Azurite serves in OAuth mode (null over HTTP).</summary>
    public X509Certificate2? Certificate { get; }

    public int ProcessId => _process.Id;

    /// <summary>
    /// A transport for Azure.Core clients: over HTTPS it trusts exactly the certificate this fixture generated for
    /// this Azurite (pinned by its bytes; nothing else is accepted and validation is not turned off globally).
    /// </summary>
    public HttpPipelineTransport CreateTransport() => new HttpClientTransport(CreateHandler());

    /// <summary>The same pinning, for code that takes an <see cref="HttpMessageHandler"/>.</summary>
    public HttpMessageHandler CreateHandler()
    {
        var handler = new SocketsHttpHandler();
        if (_pinnedCertificate is { } pinned)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(pinned);
        }

        return handler;
    }

    internal Process Process => _process;
}
