using Azure.Core;

namespace Dome.Storage.Azure.Queues;

/// <summary>Pipeline options of Dome's Storage Queue client: retries, transport and diagnostics from Azure.Core.</summary>
internal sealed class QueueClientOptions : ClientOptions
{
    /// <summary>The Queue service REST version every request names (<c>x-ms-version</c>).</summary>
    public const string ServiceVersion = "2021-12-02";
}
