using Dome.Cedar.Schema.Json;
using Dome.Cedar.Schema.Model;
using Dome.Cedar.Schema.Text;

namespace Dome.Cedar.Schema;

/// <summary>
/// A parsed and resolved Cedar schema: entity types and actions with fully qualified names. Parse it from
/// the human-readable format (<see cref="ParseText"/>) or the JSON format (<see cref="ParseJson"/>), and print
/// it in either (<see cref="ToText"/>, <see cref="ToJson"/>). Errors throw <see cref="CedarSchemaException"/>.
/// </summary>
public sealed class CedarSchema
{
    private CedarSchema(SchemaFragment fragment, Dictionary<string, EntityTypeDefinition> entities, Dictionary<SchemaEntityUid, ActionDefinition> actions)
    {
        Fragment = fragment;
        EntityTypes = entities;
        Actions = actions;
        ActionTypes = actions.Keys.Select(a => a.Type).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The schema as written.</summary>
    public SchemaFragment Fragment { get; }

    /// <summary>Entity types by fully qualified name (action types excluded).</summary>
    public IReadOnlyDictionary<string, EntityTypeDefinition> EntityTypes { get; }

    /// <summary>Actions by uid.</summary>
    public IReadOnlyDictionary<SchemaEntityUid, ActionDefinition> Actions { get; }

    /// <summary>The action entity types that have at least one action (e.g. <c>Action</c>, <c>NS::Action</c>).</summary>
    public IReadOnlySet<string> ActionTypes { get; }

    /// <summary>Parses and resolves the human-readable format.</summary>
    public static CedarSchema ParseText(string text) => FromFragment(SchemaTextParser.Parse(text));

    /// <summary>Parses and resolves the JSON format.</summary>
    public static CedarSchema ParseJson(string json) => FromFragment(SchemaJsonReader.Parse(json));

    /// <summary>Parses either format: <paramref name="json"/> selects the JSON format.</summary>
    public static CedarSchema Parse(string source, bool json) => json ? ParseJson(source) : ParseText(source);

    /// <summary>Resolves a fragment.</summary>
    public static CedarSchema FromFragment(SchemaFragment fragment)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        var (entities, actions) = SchemaResolver.Resolve(fragment);
        return new CedarSchema(fragment, entities, actions);
    }

    /// <summary>Checks human-readable schema text and translates it to the JSON format (names kept as written).</summary>
    public static string TextToJson(string text) => ParseText(text).ToJson();

    /// <summary>Checks a JSON schema and translates it to the human-readable format (names kept as written).</summary>
    public static string JsonToText(string json) => ParseJson(json).ToText();

    /// <summary>Prints the schema in the human-readable format.</summary>
    public string ToText() => SchemaTextPrinter.Print(Fragment);

    /// <summary>Prints the schema in the JSON format.</summary>
    public string ToJson() => SchemaJsonWriter.Print(Fragment);

    /// <summary>True when <paramref name="type"/> is a declared entity type or an action type.</summary>
    public bool IsKnownEntityType(string type) => EntityTypes.ContainsKey(type) || ActionTypes.Contains(type);
}
