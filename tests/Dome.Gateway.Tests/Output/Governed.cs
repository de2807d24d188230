using System.Text;
using System.Text.Json;
using Dome.Gateway.Output;
using Microsoft.Extensions.Options;

namespace Dome.Gateway.Tests.Output;

/// <summary>Runs the real governor on a body and gives back the body as text.</summary>
internal static class Governed
{
    public static readonly OutputGovernor Governor = new(Options.Create(new OutputOptions()));

    public static OutputResult Apply(string body, OutputRules rules, string? contentType = "application/json", IReadOnlyList<string>? extra = null) =>
        Governor.Apply(Encoding.UTF8.GetBytes(body), contentType, rules.Compile(), extra);

    public static string Text(this OutputResult result) => Encoding.UTF8.GetString(result.Body.Span);

    public static JsonElement Json(this OutputResult result) => JsonDocument.Parse(result.Body).RootElement;

    public static OutputRules Redact(params string[] paths) => new() { Redact = paths };

    public static OutputRules Detect(params string[] detectors) => new() { Detect = detectors };
}
