using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dome.Cli.Client;

/// <summary>
/// A thin HTTP client for Dome's management API. Failures become <see cref="CliException"/> carrying the
/// problem detail's message, so the CLI prints what to fix and never a stack trace.
/// </summary>
internal sealed class DomeApiClient(HttpClient http, string key) : IDisposable
{
    public Uri BaseAddress => http.BaseAddress!;

    public Task<JsonNode> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<JsonNode> PostAsync(string path, JsonNode? body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, body, cancellationToken);

    public Task<JsonNode> PutAsync(string path, JsonNode? body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, path, body, cancellationToken);

    public Task<JsonNode> DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, path, null, cancellationToken);

    /// <summary>Posts a JSON document given as text (an OpenAPI document), unparsed.</summary>
    public Task<JsonNode> PostTextAsync(string path, string json, CancellationToken cancellationToken) =>
        PostTextAsync(path, json, "application/json", cancellationToken);

    /// <summary>Posts a document given as text (an OpenAPI document in JSON or YAML), unparsed, as <paramref name="mediaType"/>.</summary>
    public Task<JsonNode> PostTextAsync(string path, string text, string mediaType, CancellationToken cancellationToken) =>
        SendContentAsync(HttpMethod.Post, path, new StringContent(text, Encoding.UTF8, mediaType), cancellationToken);

    public void Dispose() => http.Dispose();

    private Task<JsonNode> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken) =>
        SendContentAsync(method, path, body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken);

    private async Task<JsonNode> SendContentAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Content = content;

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"cannot reach Dome at {http.BaseAddress}: {e.Message} (is `dome serve` running? set --url or DOME_URL)");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"Dome at {http.BaseAddress} did not answer in time");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text) ?? new JsonObject();
            }

            throw new CliException(ProblemMessage(response.StatusCode, text));
        }
    }

    private static string ProblemMessage(HttpStatusCode status, string text)
    {
        try
        {
            if (JsonNode.Parse(text) is JsonObject problem)
            {
                var detail = problem["detail"]?.GetValue<string>() ?? problem["title"]?.GetValue<string>();
                if (detail is not null)
                {
                    return $"{detail} ({(int)status} {problem["code"]?.GetValue<string>() ?? status.ToString()})";
                }
            }
        }
        catch (JsonException)
        {
        }

        return $"Dome answered {(int)status} {status}";
    }
}
