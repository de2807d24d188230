using Dome.Cli.Cedar;

namespace Dome.Cli.Tests.Cedar;

public sealed class SchemaCommandsTests : IDisposable
{
    private const string Schema = "entity User = { name: String };\naction view appliesTo { principal: User, resource: User };\n";
    private readonly string _dir = Directory.CreateTempSubdirectory("dome-schema-cli").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Validate_ValidPolicies_ExitsZero()
    {
        var (code, output, _) = Validate("permit(principal, action, resource) when { principal.name == \"a\" };");

        Assert.Equal(ValidateCommand.Valid, code);
        Assert.Contains("valid: 1 policies", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_IllTypedPolicy_ExitsThreeAndPrintsError()
    {
        var (code, output, _) = Validate("permit(principal, action, resource) when { principal.age > 1 };");

        Assert.Equal(ValidateCommand.Invalid, code);
        Assert.Contains("error: policy0 at 1:44: attribute `age`", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WarningOnly_ExitsZeroAndPrintsWarning()
    {
        var (code, output, _) = Validate("permit(principal, action, resource) when { 1 == \"a\" };");

        Assert.Equal(ValidateCommand.Valid, code);
        Assert.Contains("warning: policy0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MalformedSchema_ExitsOneWithLocation()
    {
        string schema = Write("bad.cedarschema", "entity User = { name: Strin g };");
        string policies = Write("p.cedar", "permit(principal, action, resource);");
        var output = new StringWriter();
        var error = new StringWriter();

        int code = ValidateCommand.Run(new FileInfo(policies), new FileInfo(schema), null, output, error);

        Assert.Equal(ValidateCommand.Failure, code);
        Assert.Contains("bad.cedarschema:1:29: unexpected token `g`", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TranslateSchema_TextToJsonAndBack_KeepsDeclarations()
    {
        string text = Write("s.cedarschema", Schema);
        var json = new StringWriter();
        Assert.Equal(0, TranslateSchemaCommand.Run("cedar", new FileInfo(text), json, new StringWriter()));
        string jsonFile = Write("s.json", json.ToString());
        var back = new StringWriter();

        int code = TranslateSchemaCommand.Run("json", new FileInfo(jsonFile), back, new StringWriter());

        Assert.Equal(0, code);
        Assert.Contains("\"entityTypes\"", json.ToString(), StringComparison.Ordinal);
        Assert.Contains("entity User = {", back.ToString(), StringComparison.Ordinal);
        Assert.Contains("action \"view\" appliesTo {", back.ToString(), StringComparison.Ordinal);
    }

    private (int Code, string Output, string Error) Validate(string policyText)
    {
        string schema = Write("schema.cedarschema", Schema);
        string policies = Write("policies.cedar", policyText);
        var output = new StringWriter();
        var error = new StringWriter();
        int code = ValidateCommand.Run(new FileInfo(policies), new FileInfo(schema), null, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
