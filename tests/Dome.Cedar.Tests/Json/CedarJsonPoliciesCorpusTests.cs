using System.Text.Json.Nodes;
using Dome.Cedar.Json;
using Dome.Cedar.Syntax;

namespace Dome.Cedar.Tests.Json;

/// <summary>
/// The reference's JSON of each corpus policy must give the engine the same policy as its text,
/// the engine's JSON must match the reference's wherever the parser did not fold constants, and
/// text → JSON → text must give the same policy back.
/// </summary>
public sealed class CedarJsonPoliciesCorpusTests
{
    public static TheoryData<int> CorpusIndexes() => EstCorpus.Indexes();

    /// <summary>Entries where the parser folds nothing, so the engine's JSON must equal the reference's exactly.</summary>
    public static TheoryData<int> UnfoldedIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < EstCorpus.All.Count; i++)
        {
            if (!HasFoldableConstant(JsonNode.Parse(EstCorpus.All[i].Json)))
            {
                data.Add(i);
            }
        }

        return data;
    }

    [Fact]
    public void UnfoldedIndexes_CoverMostOfTheCorpus() => Assert.True(UnfoldedIndexes().Count * 2 > EstCorpus.All.Count);

    [Theory]
    [MemberData(nameof(CorpusIndexes))]
    public void ParsePolicy_ReferenceJson_EqualsParsedText(int index)
    {
        var entry = EstCorpus.All[index];
        var fromText = Parser.ParsePolicies(entry.Text).Single();
        var fromJson = CedarJsonPolicies.ParsePolicy(entry.Json, fromText.Id);

        Assert.Equal(CedarJsonPolicies.ToJson(fromText), CedarJsonPolicies.ToJson(fromJson));
        Assert.Equal(CedarJsonPolicies.ParsePolicy(CedarJsonPolicies.ToJson(fromText), fromText.Id).ToString(), fromJson.ToString());
    }

    [Theory]
    [MemberData(nameof(UnfoldedIndexes))]
    public void ToJson_UnfoldedPolicy_EqualsReferenceJson(int index)
    {
        var entry = EstCorpus.All[index];
        var reference = JsonNode.Parse(entry.Json)!;

        var ours = JsonNode.Parse(CedarJsonPolicies.ToJson(Parser.ParsePolicies(entry.Text).Single()));

        // Known difference: the engine's AST stores `@key` as `@key("")`, so the reference's `null` comes back as "".
        if (reference["annotations"] is JsonObject annotations)
        {
            foreach (var key in annotations.Where(a => a.Value is null).Select(a => a.Key).ToList())
            {
                annotations[key] = string.Empty;
            }
        }

        Assert.True(JsonNode.DeepEquals(reference, ours), $"policy: {entry.Text}\nreference: {entry.Json}\nours:      {ours!.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(CorpusIndexes))]
    public void ToJsonThenParse_TextPolicy_GivesSamePolicy(int index)
    {
        var entry = EstCorpus.All[index];
        var original = Parser.ParsePolicies(entry.Text).Single();

        var json = CedarJsonPolicies.ToJson(original);
        var back = CedarJsonPolicies.ParsePolicy(json, original.Id);

        Assert.Equal(original.IsTemplate, back.IsTemplate);
        Assert.Equal(json, CedarJsonPolicies.ToJson(back));
        Assert.Equal(Normalize(original).ToString(), back.ToString());
    }

    /// <summary>
    /// The two rewrites the JSON form makes, as the reference does: annotations sorted by key, and
    /// an action list of one entity (`action in [A]`) written as `action in A`.
    /// </summary>
    private static Policy Normalize(Policy policy)
    {
        var annotations = policy.Annotations.OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var action = policy.Action is { Kind: ScopeKind.InSet, Entities: [var single] }
            ? new ScopeConstraint(ScopeKind.In, Entity: single)
            : policy.Action;
        return new Policy(policy.Id, policy.Effect, annotations, policy.Principal, action, policy.Resource, policy.Conditions, policy.Span);
    }

    /// <summary>
    /// True when the reference JSON holds a set or record of constants or an extension call with
    /// constant arguments, which the engine's parser folds into one value (equivalent, not identical JSON).
    /// </summary>
    private static bool HasFoldableConstant(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                return array.Any(HasFoldableConstant);
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key is "Set" && value is JsonArray set && set.All(IsConstant))
                    {
                        return true;
                    }

                    if (key is "Record" && value is JsonObject record && record.All(f => IsConstant(f.Value)))
                    {
                        return true;
                    }

                    if (EstExtensionCall.IsKnown(key) && value is JsonArray args && args.All(IsConstant))
                    {
                        return true;
                    }

                    if (HasFoldableConstant(value))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool IsConstant(JsonNode? node) => node is JsonObject obj && obj.Count == 1 && (
        obj.ContainsKey("Value")
        || (obj["Set"] is JsonArray set && set.All(IsConstant))
        || (obj["Record"] is JsonObject record && record.All(f => IsConstant(f.Value)))
        || (obj.First().Value is JsonArray args && EstExtensionCall.IsKnown(obj.First().Key) && args.All(IsConstant)));
}
