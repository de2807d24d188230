using Dome.Gateway.Policy;

namespace Dome.Gateway.Tests.Policy;

public sealed class PolicyCompilerTests
{
    [Fact]
    public void Compile_UnknownAttribute_FailsNamingFileAndPolicy()
    {
        var bad = """
            @id("bad")
            forbid (principal, action == Dome::Action::"call", resource)
            when { context.args.nope > 1 };
            """;

        var e = Assert.Throws<PolicyBundleException>(() => Calls.Compile(("mine.cedar", bad)));

        var error = Assert.Single(e.Errors);
        Assert.Equal("mine.cedar", error.File);
        Assert.Equal("bad", error.PolicyId);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Compile_SyntaxError_FailsWithFileAndLine()
    {
        var e = Assert.Throws<PolicyBundleException>(() => Calls.Compile(("a.cedar", "permit (principal, action, resource)\nwhen { ;")));

        var error = Assert.Single(e.Errors);
        Assert.Equal("a.cedar", error.File);
        Assert.Equal("parse", error.Code);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Compile_DuplicateId_Fails()
    {
        var text = """
            @id("tier-standard")
            permit (principal, action == Dome::Action::"call", resource);
            """;

        var e = Assert.Throws<PolicyBundleException>(() => Calls.Compile(("dup.cedar", text)));

        Assert.Contains(e.Errors, x => x.Code == "duplicate-id");
    }

    [Fact]
    public void Compile_EscalateOnPermit_Fails()
    {
        var text = """
            @escalate("nope")
            permit (principal, action == Dome::Action::"call", resource);
            """;

        var e = Assert.Throws<PolicyBundleException>(() => Calls.Compile(("e.cedar", text)));

        Assert.Contains(e.Errors, x => x.Code == "annotation");
    }

    [Fact]
    public void Compile_SameContentTwice_SameVersion_DifferentContent_DifferentVersion()
    {
        var text = Calls.Example("large-amount.cedar");

        var a = Calls.Compile(("x.cedar", text));
        var b = Calls.Compile(("x.cedar", text));
        var c = Calls.Compile(("x.cedar", text.Replace("10000", "20000", StringComparison.Ordinal)));

        Assert.Equal(a.Version, b.Version);
        Assert.NotEqual(a.Version, c.Version);
    }

    [Fact]
    public void Compile_PolicyWithoutId_NamedByFileAndPosition()
    {
        var set = Calls.Compile(("mine.cedar", "forbid (principal, action == Dome::Action::\"call\", resource) when { context.intent == \"x\" };"));

        var decision = Calls.Decide(set, Calls.Call() with { Intent = "x" });

        Assert.Equal(["mine.cedar#0"], decision.PolicyIds);
    }

    [Fact]
    public void Compile_TenantTierFile_ReplacesBuiltInTier()
    {
        var set = Calls.Compile(("tiers/standard.cedar", "@id(\"std-low-only\") permit (principal is Dome::Agent, action == Dome::Action::\"call\", resource is Dome::Tool) when { resource.risk == \"low\" };"));

        Assert.Equal(PolicyOutcome.Deny, Calls.Decide(set, Calls.Call(risk: "medium")).Outcome);
        Assert.DoesNotContain(set.AllInfo, i => i.Id == "tier-standard");
    }
}
