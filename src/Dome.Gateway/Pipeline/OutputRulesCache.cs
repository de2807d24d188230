using System.Collections.Concurrent;
using Dome.Core.Catalog;
using Dome.Gateway.Output;

namespace Dome.Gateway.Pipeline;

/// <summary>
/// The compiled output rules of a tool (its connection's merged with its own), compiled once per distinct pair of
/// rule documents. A stored document that no longer parses throws: the call fails closed rather than pass an
/// ungoverned body.
/// </summary>
internal sealed class OutputRulesCache
{
    private const int MaxEntries = 4096;
    private readonly ConcurrentDictionary<(string? Connection, string? Tool), CompiledOutputRules> compiled = new();

    public CompiledOutputRules For(CatalogEntry entry)
    {
        (string? Connection, string? Tool) key = (entry.Connection.OutputRules, entry.Tool.OutputRules);
        if (key is (null, null))
        {
            return CompiledOutputRules.None;
        }

        if (compiled.TryGetValue(key, out var rules))
        {
            return rules;
        }

        rules = OutputRules.Merge(Parse(key.Connection), Parse(key.Tool)).Compile();
        if (compiled.Count >= MaxEntries)
        {
            compiled.Clear();
        }

        compiled[key] = rules;
        return rules;
    }

    private static OutputRules? Parse(string? json) => json is null ? null : OutputRules.Parse(json);
}
