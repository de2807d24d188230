using Dome.Cedar.Schema;
using Dome.Cedar.Tests.Differential.Generation.Schemas;
using Dome.Cedar.Tests.Differential.Oracle;

namespace Dome.Cedar.Tests.Differential;

/// <summary>The validation case generator: reproducible, and covering the schema features and faults it claims.</summary>
public sealed class SchemaCaseGeneratorTests
{
    [Fact]
    public void Generate_SameSeed_GivesTheSameCase()
    {
        var first = SchemaCase.Generate(42);
        var second = SchemaCase.Generate(42);

        Assert.Equal(first.SchemaJson, second.SchemaJson);
        Assert.Equal(first.FullText, second.FullText);
        Assert.NotEqual(first.SchemaJson, SchemaCase.Generate(43).SchemaJson);
    }

    [Fact]
    public void Generate_ManySeeds_CoversSchemaFeaturesAndFaults()
    {
        var cases = Enumerable.Range(1, 300).Select(SchemaCase.Generate).ToList();
        var json = string.Join("\n", cases.Select(c => c.SchemaJson));

        foreach (var feature in new[] { "\"enum\"", "\"tags\"", "\"memberOfTypes\"", "\"memberOf\"", "\"commonTypes\"", "\"required\": false",
            "\"EntityOrCommon\"", "\"Extension\"", "\"Set\"", "\"Org::Dept\"", "\"context\"", "\"annotations\"" })
        {
            Assert.Contains(feature.Replace(": ", ":", StringComparison.Ordinal), json, StringComparison.Ordinal);
        }

        Assert.Contains(cases, c => c.Templates.Count > 0);
        var faults = cases.SelectMany(c => c.Faults).OfType<string>().Distinct().ToList();
        Assert.True(faults.Count >= 15, "faults seen: " + string.Join(", ", faults));
        var text = string.Join("\n", cases.Select(c => c.FullText));
        foreach (var construct in new[] { "?principal", "?resource", " has ", ".hasTag(", ".getTag(", " is ", "if ", "decimal(", "ip(", "datetime(", "duration(" })
        {
            Assert.Contains(construct, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Generate_ManySeeds_DomeReadsMostSchemasAndEveryPolicySet()
    {
        var cases = Enumerable.Range(1, 200).Select(SchemaCase.Generate).ToList();

        var rejected = cases.Count(c => DomeValidation.Run(c.SchemaJson, json: true, c.FullText).Failure?.StartsWith("schema", StringComparison.Ordinal) == true);

        Assert.InRange(rejected, 0, 20);
        Assert.All(cases, c => PolicySet.Parse(c.FullText));
        // Entity shapes given as common types cannot be written as cedar text; most schemas can.
        var printable = cases.Count(c =>
        {
            try
            {
                return CedarSchema.JsonToText(c.SchemaJson).Length > 0;
            }
            catch (CedarSchemaException)
            {
                return false;
            }
        });
        Assert.InRange(printable, cases.Count * 7 / 10, cases.Count);
    }

    [Fact]
    public void OracleValidate_JsonAndTextSchemas_AnswersPerSchemaWithTextOfTheFirst()
    {
        const string batch = """
            {"cases":[{"name":"v","policies":"permit(principal, action, resource) when { principal.x };",
              "templates":{"policy1":"permit(principal == ?principal, action, resource);"},
              "schemas":[{"":{"entityTypes":{"User":{}},"actions":{"view":{"appliesTo":{"principalTypes":["User"],"resourceTypes":["User"]}}}}},
                         "entity User; action view appliesTo { principal: User, resource: User };",
                         "entity User = {"]}]}
            """;

        var answer = Assert.Single(OracleClient.Locate().Validate(batch));

        Assert.Equal(3, answer.Results.Count);
        Assert.Equal(["policy0"], answer.Results[0].Errors.Select(e => e.PolicyId));
        Assert.Contains("attribute `x`", answer.Results[1].Errors[0].Message, StringComparison.Ordinal);
        Assert.NotNull(answer.Results[2].Failure);
        Assert.Contains("entity User;", answer.Text, StringComparison.Ordinal);
    }
}
