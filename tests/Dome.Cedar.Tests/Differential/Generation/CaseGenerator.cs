using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dome.Cedar.Tests.Differential.Generation;

/// <summary>
/// Generates one differential case from a seed: the same seed always gives the same case.
/// </summary>
internal static class CaseGenerator
{
    public static DifferentialCase Generate(int seed, int requestCount = 25)
    {
        var random = new Random(seed);
        var policies = new PolicyGenerator(random) { MaxDepth = random.Next(2, 5) };
        var values = new ValueWriter(random) { InvalidExtensionPercent = random.Next(100) < 5 ? 2 : 0 };

        var staticPolicies = Enumerable.Range(0, random.Next(1, 12)).Select(_ => policies.Policy()).ToList();
        var templates = new List<GeneratedTemplate>();
        var links = new List<GeneratedLink>();
        if (random.Next(100) < 40)
        {
            var templateCount = random.Next(1, 3);
            for (var t = 0; t < templateCount; t++)
            {
                // Templates follow the static policies in text order, so their ids continue the sequence.
                var template = new GeneratedTemplate(DifferentialCase.PolicyId(staticPolicies.Count + t), policies.Template());
                templates.Add(template);
                var linkCount = random.Next(0, 4);
                for (var l = 0; l < linkCount; l++)
                {
                    var principal = template.Text.Contains("?principal", StringComparison.Ordinal) ? LinkTarget(random, Universe.PrincipalTypes) : null;
                    var resource = template.Text.Contains("?resource", StringComparison.Ordinal) ? LinkTarget(random, Universe.ResourceTypes) : null;
                    links.Add(new GeneratedLink(template.Id, "link" + links.Count.ToString(CultureInfo.InvariantCulture), principal, resource));
                }
            }
        }

        var mutated = random.Next(100) < 6;
        if (mutated)
        {
            var target = random.Next(staticPolicies.Count);
            staticPolicies[target] = TextMutator.Mutate(random, staticPolicies[target]);
        }

        var requests = new List<GeneratedRequest>(requestCount);
        for (var i = 0; i < requestCount; i++)
        {
            requests.Add(Request(random, values, links));
        }

        return new DifferentialCase
        {
            Name = "seed " + seed.ToString(CultureInfo.InvariantCulture),
            Policies = staticPolicies,
            Templates = templates,
            Links = links,
            EntitiesJson = Entities(random, values),
            Requests = requests,
            UseJsonFormat = random.Next(100) < 25,
            Mutated = mutated,
        };
    }

    private static EntityRef LinkTarget(Random random, string[] types)
    {
        var type = types[random.Next(types.Length)];
        var ids = Universe.Ids[type];
        return new EntityRef(type, ids[random.Next(ids.Length)]);
    }

    /// <summary>A request; a third of them aim at entities some template link names.</summary>
    private static GeneratedRequest Request(Random random, ValueWriter values, List<GeneratedLink> links)
    {
        var principalTypes = random.Next(100) < 90 ? Universe.PrincipalTypes : Universe.ResourceTypes;
        var resourceTypes = random.Next(100) < 90 ? Universe.ResourceTypes : Universe.PrincipalTypes;
        var action = Universe.Actions[random.Next(Universe.Actions.Length)].Id;
        var principal = LinkTarget(random, principalTypes);
        var resource = LinkTarget(random, resourceTypes);
        if (links.Count > 0 && random.Next(100) < 35)
        {
            var link = links[random.Next(links.Count)];
            principal = link.Principal ?? principal;
            resource = link.Resource ?? resource;
        }

        return new GeneratedRequest(
            principal,
            new EntityRef("Action", action),
            resource,
            Json(writer => values.WriteAttributes(writer, 2, 45)));
    }

    /// <summary>
    /// About 70% of the vocabulary's entities, with attributes, tags and acyclic parents (users and
    /// agents in groups, groups in later groups, documents and tools in folders, folders in later
    /// folders), plus the action hierarchy most of the time.
    /// </summary>
    private static string Entities(Random random, ValueWriter values)
    {
        // Now and then a parent edge that closes a cycle (or a self-loop): the reference rejects those stores.
        var cycle = random.Next(100) < 3;
        // Rarely an entity without `attrs`, or with `notParents` in place of `parents` (the reference rejects both).
        var incomplete = random.Next(100) < 2;
        return Json(writer =>
        {
            writer.WriteStartArray();
            foreach (var type in Universe.PrincipalTypes.Concat(Universe.ResourceTypes))
            {
                foreach (var id in Universe.Ids[type])
                {
                    if (random.Next(100) >= 70)
                    {
                        continue;
                    }

                    var escaped = random.Next(100) < 20;
                    writer.WriteStartObject();
                    writer.WritePropertyName("uid");
                    ValueWriter.WriteUid(writer, new EntityRef(type, id), escaped);
                    if (!incomplete || random.Next(100) < 80)
                    {
                        writer.WritePropertyName("attrs");
                        values.WriteAttributes(writer, 2, 50);
                    }

                    var omitParents = incomplete && random.Next(100) < 10;
                    writer.WriteStartArray(omitParents ? "notParents" : "parents");
                    foreach (var parent in Parents(random, type, id))
                    {
                        ValueWriter.WriteUid(writer, parent, escaped);
                    }

                    if (cycle && type is "Group" or "Folder" && random.Next(100) < 40)
                    {
                        var ids = Universe.Ids[type];
                        ValueWriter.WriteUid(writer, new EntityRef(type, ids[random.Next(Array.IndexOf(ids, id) + 1)]));
                    }

                    writer.WriteEndArray();
                    if (random.Next(100) < 35)
                    {
                        writer.WriteStartObject("tags");
                        foreach (var tag in Universe.TagNames.Where(_ => random.Next(100) < 50))
                        {
                            writer.WritePropertyName(tag);
                            values.Write(writer, random.Next(100) < 60 ? ValueKind.String : ValueKind.Long);
                        }

                        writer.WriteEndObject();
                    }

                    writer.WriteEndObject();
                }
            }

            if (random.Next(100) < 85)
            {
                foreach (var (id, parents) in Universe.Actions)
                {
                    writer.WriteStartObject();
                    writer.WritePropertyName("uid");
                    ValueWriter.WriteUid(writer, new EntityRef("Action", id));
                    writer.WritePropertyName("attrs");
                    values.WriteAttributes(writer, 1, 15);
                    writer.WriteStartArray("parents");
                    foreach (var parent in parents)
                    {
                        ValueWriter.WriteUid(writer, new EntityRef("Action", parent));
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
        });
    }

    private static IEnumerable<EntityRef> Parents(Random random, string type, string id)
    {
        var (parentType, laterOnly) = type switch
        {
            "User" or "App::Agent" => ("Group", false),
            "Group" => ("Group", true),
            "Doc" or "App::Tool" => ("Folder", false),
            "Folder" => ("Folder", true),
            _ => (type, true),
        };
        var candidates = Universe.Ids[parentType];
        var start = laterOnly ? Array.IndexOf(candidates, id) + 1 : 0;
        for (var i = start; i < candidates.Length; i++)
        {
            if (random.Next(100) < 35)
            {
                yield return new EntityRef(parentType, candidates[i]);
            }
        }
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
