using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Dome.Storage.Azure.Queues;

/// <summary>
/// The Storage Queue REST calls Dome makes, on Azure.Core's <see cref="HttpPipeline"/> (retries, transport,
/// diagnostics) with Shared Key or bearer-token (<c>https://storage.azure.com/.default</c>) authentication. The
/// endpoint is the queue service's root: <c>https://acct.queue.core.windows.net</c>, or Azurite's path-style
/// <c>http://127.0.0.1:10001/devstoreaccount1</c>. Message text goes over the wire as the caller gives it.
/// </summary>
internal sealed class QueueServiceClient
{
    private readonly HttpPipeline pipeline;

    public QueueServiceClient(Uri endpoint, AzureNamedKeyCredential credential, QueueClientOptions? options = null, TimeProvider? time = null)
        : this(endpoint, new QueueSharedKeyPolicy(credential, time), options)
    {
    }

    public QueueServiceClient(Uri endpoint, TokenCredential credential, QueueClientOptions? options = null)
        : this(endpoint, StorageEndpoint.BearerPolicy(credential), options)
    {
    }

    private QueueServiceClient(Uri endpoint, HttpPipelinePolicy authentication, QueueClientOptions? options)
    {
        Endpoint = StorageEndpoint.Normalize(endpoint, "queue");
        pipeline = HttpPipelineBuilder.Build(options ?? new QueueClientOptions(), [], [authentication], new ResponseClassifier());
    }

    public Uri Endpoint { get; }

    /// <summary>Creates the queue; true when created, false when it already existed.</summary>
    public async Task<bool> CreateQueueAsync(string queue, CancellationToken cancellationToken)
    {
        using var message = await SendAsync(RequestMethod.Put, queue, null, null, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status == 201)
        {
            return true;
        }

        return response.Status == 204 || (response.Status == 409 && QueueErrors.Code(response) == "QueueAlreadyExists")
            ? false
            : throw QueueErrors.Failure(response, "create queue", queue);
    }

    /// <summary>Puts a message whose text is <paramref name="messageText"/>; false when the queue does not exist.</summary>
    public async Task<bool> PutMessageAsync(string queue, string messageText, CancellationToken cancellationToken)
    {
        var body = new XElement("QueueMessage", new XElement("MessageText", messageText)).ToString(SaveOptions.DisableFormatting);
        using var message = await SendAsync(RequestMethod.Post, queue + "/messages", null, body, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        return response.Status switch
        {
            201 => true,
            404 when QueueErrors.Code(response) == "QueueNotFound" => false,
            _ => throw QueueErrors.Failure(response, "put message", queue),
        };
    }

    /// <summary>Receives up to <paramref name="count"/> messages, hiding them for <paramref name="visibilitySeconds"/> (1 s to 7 days); null when the queue does not exist.</summary>
    public async Task<IReadOnlyList<QueueWireMessage>?> GetMessagesAsync(string queue, int count, int visibilitySeconds, CancellationToken cancellationToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"numofmessages={count}&visibilitytimeout={visibilitySeconds}");
        return await ListAsync(queue, query, "get messages", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads up to <paramref name="count"/> visible messages without receiving them; null when the queue does not exist.</summary>
    public Task<IReadOnlyList<QueueWireMessage>?> PeekMessagesAsync(string queue, int count, CancellationToken cancellationToken) =>
        ListAsync(queue, string.Create(CultureInfo.InvariantCulture, $"peekonly=true&numofmessages={count}"), "peek messages", cancellationToken);

    /// <summary>Deletes a received message; false when the message or the pop receipt is not (or no longer) the queue's.</summary>
    public async Task<bool> DeleteMessageAsync(string queue, string messageId, string popReceipt, CancellationToken cancellationToken)
    {
        using var message = await SendAsync(RequestMethod.Delete, $"{queue}/messages/{Uri.EscapeDataString(messageId)}", "popreceipt=" + Uri.EscapeDataString(popReceipt), null, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        return response.Status switch
        {
            204 => true,
            400 or 404 => false,
            _ => throw QueueErrors.Failure(response, "delete message", queue),
        };
    }

    /// <summary>Sets a received message's visibility timeout without changing its text; the new pop receipt and time, or null when the receipt no longer matches.</summary>
    public async Task<(string PopReceipt, DateTimeOffset NextVisible)?> UpdateVisibilityAsync(string queue, string messageId, string popReceipt, int visibilitySeconds, CancellationToken cancellationToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"popreceipt={Uri.EscapeDataString(popReceipt)}&visibilitytimeout={visibilitySeconds}");
        using var message = await SendAsync(RequestMethod.Put, $"{queue}/messages/{Uri.EscapeDataString(messageId)}", query, null, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status is 400 or 404)
        {
            return null;
        }

        if (response.Status != 204 || !response.Headers.TryGetValue("x-ms-popreceipt", out var receipt) || receipt is null)
        {
            throw QueueErrors.Failure(response, "update message", queue);
        }

        var next = response.Headers.TryGetValue("x-ms-time-next-visible", out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : DateTimeOffset.UtcNow.AddSeconds(visibilitySeconds);
        return (receipt, next);
    }

    /// <summary>The service's approximate message count (<c>x-ms-approximate-messages-count</c>); null when the queue does not exist.</summary>
    public async Task<int?> ApproximateCountAsync(string queue, CancellationToken cancellationToken)
    {
        using var message = await SendAsync(RequestMethod.Get, queue, "comp=metadata", null, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status == 404)
        {
            return null;
        }

        if (response.Status != 200 || !response.Headers.TryGetValue("x-ms-approximate-messages-count", out var count) || !int.TryParse(count, CultureInfo.InvariantCulture, out var value))
        {
            throw QueueErrors.Failure(response, "get queue metadata", queue);
        }

        return value;
    }

    private async Task<IReadOnlyList<QueueWireMessage>?> ListAsync(string queue, string query, string operation, CancellationToken cancellationToken)
    {
        using var message = await SendAsync(RequestMethod.Get, queue + "/messages", query, null, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status == 404 && QueueErrors.Code(response) == "QueueNotFound")
        {
            return null;
        }

        if (response.Status != 200)
        {
            throw QueueErrors.Failure(response, operation, queue);
        }

        return QueueWireMessage.ParseList(response.Content.ToString());
    }

    /// <summary>Sends one request; the caller disposes the message, and with it the (buffered) response.</summary>
    private async Task<HttpMessage> SendAsync(RequestMethod method, string path, string? query, string? body, CancellationToken cancellationToken)
    {
        var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(new Uri(Endpoint.AbsoluteUri + "/" + path + (query is null ? string.Empty : "?" + query)));
        request.Headers.SetValue("x-ms-version", QueueClientOptions.ServiceVersion);
        request.Headers.SetValue("Accept", "application/xml");
        if (body is not null)
        {
            request.Headers.SetValue("Content-Type", "application/xml; charset=utf-8");
            request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(body));
        }

        try
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }
}
