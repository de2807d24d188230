using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Dome.Cedar.Json;

/// <summary>
/// Reads and writes <see cref="EstPolicySet"/>. Reading checks what the reference checks: static
/// policies have no slots, templates have at least one, ids are unique across all parts, and each
/// link names an existing template and fills exactly its slots.
/// </summary>
internal static class EstPolicySetJson
{
    /// <summary>Parses a policy set from JSON text.</summary>
    public static bool TryRead(string json, [NotNullWhen(true)] out EstPolicySet? set, [NotNullWhen(false)] out string? error)
    {
        try
        {
            using var document = EstJsonReader.Parse(json);
            set = Read(document.RootElement);
            error = null;
            return true;
        }
        catch (CedarJsonException exception)
        {
            set = null;
            error = exception.Message;
            return false;
        }
    }

    /// <summary>Reads a policy set object; throws <see cref="CedarJsonException"/> when it is malformed.</summary>
    public static EstPolicySet Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new CedarJsonException($"expected a policy set object, found `{Abbreviate(root.GetRawText())}`");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<KeyValuePair<string, EstPolicy>> statics = [], templates = [];
        IReadOnlyList<EstTemplateLink> links = [];
        JsonElement? linksElement = null;
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "staticPolicies":
                    statics = ReadPolicies(property.Value, property.Name, ids, template: false);
                    break;
                case "templates":
                    templates = ReadPolicies(property.Value, property.Name, ids, template: true);
                    break;
                case "templateLinks":
                    linksElement = property.Value;
                    break;
                default:
                    throw new CedarJsonException($"unknown field `{property.Name}`, expected one of `staticPolicies`, `templates`, `templateLinks`");
            }
        }

        if (linksElement is { } element)
        {
            links = ReadLinks(element, templates, ids);
        }

        return new EstPolicySet { StaticPolicies = statics, Templates = templates, TemplateLinks = links };
    }

    /// <summary>The policy set as JSON text.</summary>
    public static string Write(EstPolicySet set, bool indented = false) =>
        EstJsonWriter.WriteToString(writer => Write(writer, set), indented);

    /// <summary>Writes the policy set object.</summary>
    public static void Write(Utf8JsonWriter writer, EstPolicySet set)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("staticPolicies");
        foreach (var (id, policy) in set.StaticPolicies)
        {
            writer.WritePropertyName(id);
            EstJsonWriter.WritePolicy(writer, policy);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("templates");
        foreach (var (id, template) in set.Templates)
        {
            writer.WritePropertyName(id);
            EstJsonWriter.WritePolicy(writer, template);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("templateLinks");
        foreach (var link in set.TemplateLinks)
        {
            writer.WriteStartObject();
            writer.WriteString("templateId", link.TemplateId);
            writer.WriteString("newId", link.NewId);
            writer.WriteStartObject("values");
            foreach (var (slot, entity) in link.Values)
            {
                writer.WritePropertyName(slot);
                EstJsonWriter.WriteEntityRef(writer, entity);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static List<KeyValuePair<string, EstPolicy>> ReadPolicies(JsonElement element, string path, HashSet<string> ids, bool template)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new CedarJsonException($"expected an object of policies by id, found `{Abbreviate(element.GetRawText())}` (at `{path}`)");
        }

        var policies = new List<KeyValuePair<string, EstPolicy>>();
        foreach (var property in element.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            if (!ids.Add(property.Name))
            {
                throw new CedarJsonException($"duplicate policy or template id `{property.Name}` (at `{at}`)");
            }

            var policy = EstJsonReader.ReadPolicy(property.Value, at);
            if (policy.IsTemplate != template)
            {
                throw new CedarJsonException(template
                    ? $"template `{property.Name}` has no slot; put it in `staticPolicies` (at `{at}`)"
                    : $"static policy `{property.Name}` contains a slot; put it in `templates` (at `{at}`)");
            }

            policies.Add(new(property.Name, policy));
        }

        return policies;
    }

    private static List<EstTemplateLink> ReadLinks(JsonElement element, IReadOnlyList<KeyValuePair<string, EstPolicy>> templates, HashSet<string> ids)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new CedarJsonException($"expected an array of template links, found `{Abbreviate(element.GetRawText())}` (at `templateLinks`)");
        }

        var links = new List<EstTemplateLink>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var at = $"templateLinks[{index++}]";
            var link = ReadLink(item, at);
            var template = templates.FirstOrDefault(t => t.Key == link.TemplateId).Value
                ?? throw new CedarJsonException($"template link `{link.NewId}` names unknown template `{link.TemplateId}` (at `{at}`)");
            foreach (var slot in new[] { template.Principal.Slot, template.Resource.Slot })
            {
                if (slot is not null && !link.Values.Any(v => v.Key == slot))
                {
                    throw new CedarJsonException($"template link `{link.NewId}` gives no value for slot `{slot}` (at `{at}`)");
                }
            }

            foreach (var (slot, _) in link.Values)
            {
                if (slot != template.Principal.Slot && slot != template.Resource.Slot)
                {
                    throw new CedarJsonException($"template link `{link.NewId}` gives a value for slot `{slot}`, which template `{link.TemplateId}` does not have (at `{at}`)");
                }
            }

            if (!ids.Add(link.NewId))
            {
                throw new CedarJsonException($"template link id `{link.NewId}` conflicts with an existing policy id (at `{at}`)");
            }

            links.Add(link);
        }

        return links;
    }

    private static EstTemplateLink ReadLink(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new CedarJsonException($"expected a template link object, found `{Abbreviate(element.GetRawText())}` (at `{path}`)");
        }

        string? templateId = null, newId = null;
        List<KeyValuePair<string, EstEntityRef>>? values = null;
        foreach (var property in element.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            switch (property.Name)
            {
                case "templateId" when property.Value.ValueKind == JsonValueKind.String:
                    templateId = property.Value.GetString();
                    break;
                case "newId" when property.Value.ValueKind == JsonValueKind.String:
                    newId = property.Value.GetString();
                    break;
                case "values" when property.Value.ValueKind == JsonValueKind.Object:
                    values = [];
                    foreach (var value in property.Value.EnumerateObject())
                    {
                        if (value.Name is not ("?principal" or "?resource") || values.Any(v => v.Key == value.Name))
                        {
                            throw new CedarJsonException($"invalid or repeated slot `{value.Name}`, expected `?principal` or `?resource` (at `{at}`)");
                        }

                        values.Add(new(value.Name, EstJsonReader.ReadEntityRef(value.Value, $"{at}.{value.Name}")));
                    }

                    break;
                case "templateId" or "newId" or "values":
                    throw new CedarJsonException($"unexpected `{Abbreviate(property.Value.GetRawText())}` for `{property.Name}` (at `{at}`)");
                default:
                    throw new CedarJsonException($"unknown field `{property.Name}`, expected one of `templateId`, `newId`, `values` (at `{path}`)");
            }
        }

        return new EstTemplateLink
        {
            TemplateId = templateId ?? throw new CedarJsonException($"missing field `templateId` (at `{path}`)"),
            NewId = newId ?? throw new CedarJsonException($"missing field `newId` (at `{path}`)"),
            Values = values ?? throw new CedarJsonException($"missing field `values` (at `{path}`)"),
        };
    }

    private static string Abbreviate(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
