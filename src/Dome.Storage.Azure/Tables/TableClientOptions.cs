using Azure.Core;

namespace Dome.Storage.Azure.Tables;

/// <summary>Pipeline options of Dome's Table Storage client: retries, transport and diagnostics from Azure.Core.</summary>
internal sealed class TableClientOptions : ClientOptions
{
    /// <summary>The Table service REST version every request names (<c>x-ms-version</c>).</summary>
    public const string ServiceVersion = "2019-02-02";
}
