using Dome.Cedar;
using Dome.Cedar.Schema;
using Dome.Cedar.Validation;
using Dome.Gateway.Policy;

namespace Dome.Gateway.Tests.Policy;

/// <summary>Every Cedar file under <c>policies/</c> parses and validates against <c>policies/dome.cedarschema</c>.</summary>
public sealed class PolicyFilesTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "policies");

    public static TheoryData<string> CedarFiles() => new(Files());

    private static List<string> Files() =>
        Directory.EnumerateFiles(Root, "*.cedar", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Root, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Theory]
    [MemberData(nameof(CedarFiles))]
    public void Validate_EveryCedarFile_HasNoErrorsAgainstDomeSchema(string file)
    {
        var schema = CedarSchema.ParseText(File.ReadAllText(Path.Combine(Root, "dome.cedarschema")));
        var set = PolicySet.Parse(File.ReadAllText(Path.Combine(Root, file)));

        var result = CedarValidator.Validate(set, schema);

        Assert.NotEmpty(set.Policies);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void CedarFiles_Found_CoverTiersAndExamples()
    {
        var files = Files();

        Assert.Contains("tiers/restricted.cedar", files);
        Assert.Contains("tiers/standard.cedar", files);
        Assert.Contains("tiers/privileged.cedar", files);
        Assert.Contains(files, f => f.StartsWith("examples/", StringComparison.Ordinal));
    }

    [Fact]
    public void BuiltInPolicies_Embedded_MatchPoliciesFolder()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(Root, "dome.cedarschema")), BuiltInPolicies.Schema);
        Assert.Equal(["tiers/privileged.cedar", "tiers/restricted.cedar", "tiers/standard.cedar"], BuiltInPolicies.Tiers.Keys);
    }

    [Fact]
    public void Compile_AllExamplesTogether_Succeeds()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Root, "examples"), "*.cedar")
            .ToDictionary(f => "examples/" + Path.GetFileName(f), File.ReadAllText);

        var compiled = PolicyCompiler.Compile(PolicyBundle.WithBuiltIns(files, null));

        Assert.StartsWith("sha256:", compiled.Version, StringComparison.Ordinal);
        Assert.Contains(compiled.AllInfo, i => i.Id == "forbid-large-amount");
    }
}
