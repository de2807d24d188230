using Dome.Cedar.Schema;

namespace Dome.Cedar.Tests.Schema;

/// <summary>
/// Found by the validation differential test: an attribute named by a reserved word was printed bare, so the
/// printed text did not read back (in Dome or in cedar-wasm 4.13.0, which quotes such names).
/// </summary>
public sealed class SchemaTextReservedNamesTests
{
    [Theory]
    [InlineData("if")]
    [InlineData("true")]
    [InlineData("in")]
    [InlineData("has")]
    public void JsonToText_ReservedWordAsAttributeName_IsQuotedAndReadsBack(string name)
    {
        string json = "{\"\": {\"entityTypes\": {\"E\": {\"shape\": {\"type\": \"Record\", \"attributes\": {\"" + name
            + "\": {\"type\": \"Long\"}}}}}, \"actions\": {}}}";

        string text = CedarSchema.JsonToText(json);

        Assert.Contains("\"" + name + "\": __cedar::Long", text, StringComparison.Ordinal);
        Assert.True(CedarSchema.ParseText(text).EntityTypes["E"].Attributes.Attributes.ContainsKey(name));
    }
}
