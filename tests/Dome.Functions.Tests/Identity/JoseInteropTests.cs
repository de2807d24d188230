using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Dome.Functions.Tests.Identity;

/// <summary>
/// Issued tokens verify with an independent library: panva/jose under Node (installed by <c>scripts/test-deps</c>),
/// against the JWKS Dome publishes, checking ES256, <c>typ</c>, issuer, audience and expiry.
/// </summary>
public sealed class JoseInteropTests : ServerTestBase
{
    private string Issuer => Server.BaseAddress.AbsoluteUri.TrimEnd('/');

    [Fact]
    public async Task Jose_ActAsChainToken_VerifiesWithClaimsAsSpecified()
    {
        await using var idp = await TestIdentityProvider.StartAsync();
        await Tokens.TrustAsync(Server, idp);
        var a = await Tokens.ActiveAgentAsync(Server, "agent-a", requireActAs: "oidc");
        var b = await Tokens.ActiveAgentAsync(Server, "agent-b", "none", "agent-a");
        var token = await Tokens.TokenAsync(Server, Tokens.OnBehalfOf(await Tokens.TokenAsync(Server, Tokens.ActAs(idp.IdToken("alice"), a)), b));

        var (code, output, error) = await VerifyAsync(token);

        Assert.True(code == 0, error);
        var verified = JsonNode.Parse(output)!;
        Assert.Equal(("ES256", "at+jwt"), (Api.Str(verified["header"], "alg"), Api.Str(verified["header"], "typ")));
        var payload = verified["payload"]!;
        Assert.Equal(idp.Issuer + "#alice", Api.Str(payload, "sub"));
        Assert.Equal(("agent-b", "agent-a"), (Api.Str(payload["act"], "agent_name"), Api.Str(payload["act"]!["act"], "agent_name")));
        Assert.Equal(("default", "agent-b", "standard"), (Api.Str(payload, "workspace"), Api.Str(payload, "agent_name"), Api.Str(payload, "tier")));
    }

    [Fact]
    public async Task Jose_TamperedToken_IsRejected()
    {
        var apiKey = await Tokens.ActiveAgentAsync(Server, "triage");
        var token = await Tokens.TokenAsync(Server, Tokens.AgentAlone(apiKey));
        var parts = token.Split('.');
        var payload = Tokens.Payload(token);
        payload["tier"] = "privileged";

        var (code, _, error) = await VerifyAsync(parts[0] + "." + Tokens.B64(payload) + "." + parts[2]);

        Assert.Equal(3, code);
        Assert.Contains("ERR_JWS_SIGNATURE_VERIFICATION_FAILED", error, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output, string Error)> VerifyAsync(string token)
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "interop", "jose");
        Assert.True(File.Exists(Path.Combine(folder, "node_modules", "jose", "package.json")), "jose is not installed: run scripts/test-deps");
        var (_, jwks) = await Api.GetAsync(Server.Client(), "/.well-known/jwks.json");
        var jwksFile = Path.Combine(DataDir, "jose-jwks.json");
        var tokenFile = Path.Combine(DataDir, "jose-token.txt");
        await File.WriteAllTextAsync(jwksFile, jwks!.ToJsonString(), Api.Ct);
        await File.WriteAllTextAsync(tokenFile, token, Api.Ct);

        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "verify.mjs", jwksFile, tokenFile, Issuer, Issuer })
        {
            start.ArgumentList.Add(argument);
        }

        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync(Api.Ct);
        var error = node.StandardError.ReadToEndAsync(Api.Ct);
        await node.WaitForExitAsync(Api.Ct);
        return (node.ExitCode, await output, await error);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dome.Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (holding Dome.Functions.sln) was not found above " + AppContext.BaseDirectory);
    }
}
