using Azure.Core;

namespace Dome.Testing.KeyVault;

/// <summary>
/// The token credential the Key Vault stand-in trusts: it hands out its one opaque token only for the scope the
/// vault's challenge names (<c>&lt;resource&gt;/.default</c>), so a client that skipped or misread the challenge fails.
/// </summary>
public sealed class StandInCredential(string resource, string token) : TokenCredential
{
    private int issued;

    /// <summary>How many tokens were handed out.</summary>
    public int Issued => Volatile.Read(ref issued);

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        if (requestContext.Scopes is not [var scope] || scope != resource + "/.default")
        {
            throw new InvalidOperationException($"the stand-in credential issues tokens only for `{resource}/.default`, not `{string.Join(' ', requestContext.Scopes)}`");
        }

        Interlocked.Increment(ref issued);
        return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
