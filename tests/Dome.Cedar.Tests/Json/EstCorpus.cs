using System.Text.Json.Nodes;

namespace Dome.Cedar.Tests.Json;

/// <summary>
/// Policies with their JSON form as produced by the reference: each line of
/// <c>Data/est-corpus.jsonl</c> holds <c>text</c> (policy text), <c>json</c> (what
/// <c>policyToJson</c> / <c>templateToJson</c> of @cedar-policy/cedar-wasm 4.13.0 returned for it)
/// and <c>printed</c> (what <c>policyToText</c> printed back from that JSON). The policies come
/// from the conformance tests, a feature-covering sample of the conformance corpus, and a
/// hand-written set covering every operator, extension function, scope form and template slot.
/// </summary>
internal static class EstCorpus
{
    private static readonly Lazy<IReadOnlyList<Entry>> Entries = new(Load);

    public static IReadOnlyList<Entry> All => Entries.Value;

    public static TheoryData<int> Indexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < All.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    private static List<Entry> Load()
    {
        var entries = new List<Entry>();
        foreach (var line in File.ReadLines(Path.Combine(FindProjectDirectory(), "Json", "Data", "est-corpus.jsonl")))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var node = JsonNode.Parse(line)!.AsObject();
            entries.Add(new Entry(
                node["text"]!.GetValue<string>(),
                node["json"]!.ToJsonString(),
                node["printed"]?.GetValue<string>()));
        }

        return entries;
    }

    private static string FindProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dome.Cedar.Tests.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the Dome.Cedar.Tests project directory above " + AppContext.BaseDirectory);
    }

    internal sealed record Entry(string Text, string Json, string? Printed);
}
