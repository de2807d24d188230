using System.Globalization;
using System.Text;

namespace Dome.Storage.Azure.Tables;

/// <summary>
/// The <c>multipart/mixed</c> body of an entity group transaction (one change set holding one HTTP request per
/// operation) and the parsing of its response (one HTTP response per operation, or the single failing one).
/// </summary>
internal static class TableBatchContent
{
    public static byte[] Build(string tableUri, IReadOnlyList<TableOperation> operations, string batchBoundary, string changesetBoundary)
    {
        var text = new StringBuilder();
        text.Append("--").Append(batchBoundary).Append("\r\n")
            .Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append("\r\n\r\n");
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            var entity = operation.Entity;
            var (method, uri, body) = operation.Kind switch
            {
                TableOperationKind.Insert => ("POST", tableUri, true),
                TableOperationKind.UpsertReplace or TableOperationKind.UpdateReplace => ("PUT", EntityUri(tableUri, entity), true),
                TableOperationKind.UpsertMerge or TableOperationKind.UpdateMerge => ("MERGE", EntityUri(tableUri, entity), true),
                TableOperationKind.Delete => ("DELETE", EntityUri(tableUri, entity), false),
                _ => throw new ArgumentOutOfRangeException(nameof(operations), operation.Kind, "unknown table operation"),
            };

            text.Append("--").Append(changesetBoundary).Append("\r\n")
                .Append("Content-Type: application/http\r\n")
                .Append("Content-Transfer-Encoding: binary\r\n\r\n")
                .Append(method).Append(' ').Append(uri).Append(" HTTP/1.1\r\n")
                .Append("Accept: application/json;odata=minimalmetadata\r\n")
                .Append("DataServiceVersion: 3.0\r\n")
                .Append("Content-ID: ").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            if (operation.Kind is TableOperationKind.UpdateReplace or TableOperationKind.UpdateMerge or TableOperationKind.Delete)
            {
                text.Append("If-Match: ").Append(operation.ETag).Append("\r\n");
            }

            if (body)
            {
                text.Append("Content-Type: application/json\r\n");
                if (operation.Kind == TableOperationKind.Insert)
                {
                    text.Append("Prefer: return-no-content\r\n");
                }

                text.Append("\r\n").Append(Encoding.UTF8.GetString(TableEntityJson.Serialize(entity))).Append("\r\n");
            }
            else
            {
                text.Append("\r\n");
            }
        }

        text.Append("--").Append(changesetBoundary).Append("--\r\n")
            .Append("--").Append(batchBoundary).Append("--\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The HTTP responses inside a batch response, in order.</summary>
    public static List<BatchPart> ParseResponse(string body)
    {
        var parts = new List<BatchPart>();
        var lines = body.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (!line.StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
            {
                continue;
            }

            var status = int.Parse(line.AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture);
            string? etag = null;
            for (i++; i < lines.Length; i++)
            {
                var header = lines[i].TrimEnd('\r');
                if (header.Length == 0)
                {
                    break;
                }

                var colon = header.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && header.AsSpan(0, colon).Trim().Equals("ETag", StringComparison.OrdinalIgnoreCase))
                {
                    etag = header[(colon + 1)..].Trim();
                }
            }

            var content = new StringBuilder();
            for (i++; i < lines.Length && !lines[i].StartsWith("--", StringComparison.Ordinal); i++)
            {
                content.Append(lines[i].TrimEnd('\r'));
            }

            i--;
            parts.Add(new BatchPart(status, etag, content.Length == 0 ? null : content.ToString()));
        }

        return parts;
    }

    private static string EntityUri(string tableUri, TableEntity entity) =>
        tableUri + "(PartitionKey='" + Uri.EscapeDataString(entity.PartitionKey.Replace("'", "''", StringComparison.Ordinal))
        + "',RowKey='" + Uri.EscapeDataString(entity.RowKey.Replace("'", "''", StringComparison.Ordinal)) + "')";

    /// <summary>One response inside a batch response.</summary>
    internal sealed record BatchPart(int Status, string? ETag, string? Body);
}
