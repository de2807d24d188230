using Dome.Cedar.Schema;

namespace Dome.Cedar.Tests.Schema;

public sealed class CorpusSchemaTests
{
    [Fact]
    public void ParseText_EveryCorpusSchema_ResolvesAndRoundTripsThroughJson()
    {
        string dir = Path.Combine(ConformanceData.RequireCorpus(), "corpus-tests");
        var failures = new List<string>();
        int count = 0;
        foreach (var file in Directory.EnumerateFiles(dir, "*.cedarschema"))
        {
            count++;
            try
            {
                var schema = CedarSchema.ParseText(File.ReadAllText(file));
                var viaJson = CedarSchema.ParseJson(schema.ToJson());
                var back = CedarSchema.ParseText(viaJson.ToText());
                if (SchemaDump.Of(schema) != SchemaDump.Of(viaJson) || SchemaDump.Of(schema) != SchemaDump.Of(back))
                {
                    failures.Add($"{Path.GetFileName(file)}: round trip changed the schema");
                }
            }
            catch (CedarSchemaException ex)
            {
                failures.Add($"{Path.GetFileName(file)}: {ex.Message}");
            }
        }

        Assert.Equal(7809, count);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)) + $"\n({failures.Count} failures)");
    }

    [Fact]
    public void ParseEntities_EveryCorpusEntitiesFile_ConformsToItsSchema()
    {
        string dir = Path.Combine(ConformanceData.RequireCorpus(), "corpus-tests");
        var failures = new List<string>();
        int count = 0;
        foreach (var file in Directory.EnumerateFiles(dir, "*.entities.json"))
        {
            count++;
            string id = Path.GetFileName(file).Replace(".entities.json", string.Empty, StringComparison.Ordinal);
            var schema = CedarSchema.ParseText(File.ReadAllText(Path.Combine(dir, id + ".cedarschema")));
            try
            {
                var store = SchemaEntities.ParseEntities(File.ReadAllText(file), schema);
                Assert.True(store.Count >= schema.Actions.Count);
            }
            catch (CedarParseException ex)
            {
                failures.Add($"{id}: {ex.Message}");
            }
        }

        Assert.Equal(7809, count);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }
}
