using Dome.Core.Registry;
using Dome.Core.Security;
using Dome.Core.Storage;
using Dome.Tokens.Issuing;
using Dome.Tokens.Providers;
using Dome.Tokens.Validation;

namespace Dome.Tokens.Exchange;

/// <summary>
/// RFC 8693 token exchange at <c>/oauth2/token</c>. One request passes these steps in order; the first that fails
/// refuses it with an OAuth error, and every refusal is audited:
/// 1. grant type and token types are supported and the parameters are complete;
/// 2. the audience (RFC 8707 <c>resource</c> / <c>audience</c>) is one of Dome's own;
/// 3. the API key (subject alone, or the actor) authenticates an agent, which is <c>active</c>;
/// 4. the subject: the agent alone (unless it must act as a user), a user's verified ID token (act-as), or a
///    caller's valid Dome token whose agent the registry lets call this one (on-behalf-of, nesting <c>act</c>);
/// 5. the token is signed and the issuance audited.
/// </summary>
public sealed class TokenExchange(
    IAgentStore agents,
    IdTokenVerifier idTokens,
    DomeTokenValidator validator,
    DomeTokenIssuer issuer,
    DomeIssuer dome,
    TokenAudit audit)
{
    public async Task<TokenResponse> ExchangeAsync(TokenRequest request, CancellationToken cancellationToken = default)
    {
        var attempt = new Attempt();
        try
        {
            return await ExchangeAsync(request, attempt, cancellationToken).ConfigureAwait(false);
        }
        catch (TokenExchangeException refusal)
        {
            await audit.RefusedAsync(refusal, attempt.Agent?.TenantId, attempt.Agent?.Id, attempt.KeyId, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<TokenResponse> ExchangeAsync(TokenRequest request, Attempt attempt, CancellationToken cancellationToken)
    {
        // :: Step 1: grant and token types.
        if (string.IsNullOrEmpty(request.GrantType))
        {
            throw TokenExchangeException.Request("missing_parameter", "`grant_type` is required; use `" + TokenTypes.TokenExchangeGrant + "`");
        }

        if (request.GrantType != TokenTypes.TokenExchangeGrant)
        {
            throw new TokenExchangeException(OAuthErrors.UnsupportedGrantType, "unsupported_grant_type", "Dome supports only the token exchange grant `" + TokenTypes.TokenExchangeGrant + "`");
        }

        if (string.IsNullOrEmpty(request.SubjectToken) || string.IsNullOrEmpty(request.SubjectTokenType))
        {
            throw TokenExchangeException.Request("missing_parameter", "`subject_token` and `subject_token_type` are required");
        }

        var apiKey = ApiKeyOf(request);

        // :: Step 2: the audience.
        var audience = Audience(request);

        // :: Step 3: the agent.
        var agent = await AuthenticateAsync(apiKey, attempt, cancellationToken).ConfigureAwait(false);

        // :: Step 4: the subject.
        var (principal, notAfter) = request.SubjectTokenType switch
        {
            TokenTypes.ApiKey => (AgentAlone(agent), (DateTimeOffset?)null),
            TokenTypes.IdToken => (await ActAsAsync(agent, request.SubjectToken, cancellationToken).ConfigureAwait(false), null),
            _ => await OnBehalfOfAsync(agent, request.SubjectToken, cancellationToken).ConfigureAwait(false),
        };

        // :: Step 5: sign and audit.
        var token = await issuer.IssueAsync(principal, audience, notAfter, cancellationToken).ConfigureAwait(false);
        await audit.IssuedAsync(agent.TenantId, agent.Id, agent.KeyId, token.TokenId, principal.Chain.Count, cancellationToken).ConfigureAwait(false);
        return new TokenResponse { AccessToken = token.AccessToken, ExpiresIn = token.ExpiresIn };
    }

    /// <summary>The API key: the subject itself when the agent acts alone, else the actor token.</summary>
    private static string ApiKeyOf(TokenRequest request)
    {
        switch (request.SubjectTokenType)
        {
            case TokenTypes.ApiKey:
                if (request.ActorToken is not null || request.ActorTokenType is not null)
                {
                    throw TokenExchangeException.Request("unexpected_actor", "an API key subject takes no `actor_token`: the agent acts alone");
                }

                return request.SubjectToken!;
            case TokenTypes.IdToken or TokenTypes.AccessToken:
                if (string.IsNullOrEmpty(request.ActorToken) || request.ActorTokenType != TokenTypes.ApiKey)
                {
                    throw TokenExchangeException.Request(
                        "missing_actor",
                        "this subject needs the acting agent: send its API key as `actor_token` with `actor_token_type=" + TokenTypes.ApiKey + "`");
                }

                return request.ActorToken;
            default:
                throw TokenExchangeException.Request(
                    "unsupported_token_type",
                    $"`subject_token_type` must be `{TokenTypes.ApiKey}`, `{TokenTypes.IdToken}` or `{TokenTypes.AccessToken}`");
        }
    }

    private string Audience(TokenRequest request)
    {
        if (request.Resource is not null && request.Audience is not null && request.Resource.TrimEnd('/') != request.Audience.TrimEnd('/'))
        {
            throw new TokenExchangeException(OAuthErrors.InvalidTarget, "invalid_resource", "`resource` and `audience` name different targets; Dome issues a token for one");
        }

        var requested = request.Resource ?? request.Audience;
        if (requested is null)
        {
            return dome.DefaultAudience;
        }

        return dome.ResolveAudience(requested) ?? throw new TokenExchangeException(
            OAuthErrors.InvalidTarget,
            "invalid_resource",
            $"Dome issues tokens only for its own resources: {string.Join(", ", dome.Audiences.Select(a => "`" + a + "`"))}");
    }

    private async Task<Agent> AuthenticateAsync(string apiKey, Attempt attempt, CancellationToken cancellationToken)
    {
        if (!SecretKey.TryParse(apiKey, KeyPrefixes.ApiKey, out var keyId))
        {
            throw TokenExchangeException.Grant("invalid_api_key", "the API key is not valid: it must be an agent's current key (`dome_ak_…`)");
        }

        attempt.KeyId = keyId;
        var found = await agents.FindByKeyIdAsync(keyId, cancellationToken).ConfigureAwait(false);
        if (found is not { } stored || !SecretKey.Matches(apiKey, stored.KeyHash))
        {
            throw TokenExchangeException.Grant("invalid_api_key", "the API key is not valid: it is unknown, or was rotated away");
        }

        var agent = stored.Agent;
        attempt.Agent = agent;
        if (agent.Status != AgentStatus.Active)
        {
            throw TokenExchangeException.Grant("agent_not_active", $"agent `{agent.Name}` is {WireNames.Of(agent.Status)}; only active agents get tokens");
        }

        return agent;
    }

    private static DomePrincipal AgentAlone(Agent agent)
    {
        if (agent.RequireActAs == ActAsRequirement.Oidc)
        {
            throw new TokenExchangeException(
                OAuthErrors.UnauthorizedClient,
                "act_as_required",
                $"agent `{agent.Name}` must act as a user: send the user's ID token as `subject_token` and this API key as `actor_token`");
        }

        return new DomePrincipal { TenantId = agent.TenantId, User = null, Chain = [Ref(agent)] };
    }

    private async Task<DomePrincipal> ActAsAsync(Agent agent, string idToken, CancellationToken cancellationToken)
    {
        var user = await idTokens.VerifyAsync(agent.TenantId, idToken, cancellationToken).ConfigureAwait(false);
        return new DomePrincipal { TenantId = agent.TenantId, User = user, Chain = [Ref(agent)] };
    }

    private async Task<(DomePrincipal, DateTimeOffset?)> OnBehalfOfAsync(Agent agent, string callerToken, CancellationToken cancellationToken)
    {
        var check = await validator.ValidateAsync(callerToken, anyDomeAudience: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!check.IsValid)
        {
            throw TokenExchangeException.Grant("subject_token_invalid", "the subject_token is not a valid Dome access token: " + check.Failure);
        }

        var caller = check.Token.Principal;
        var parent = caller.Agent;
        if (caller.TenantId != agent.TenantId || parent.Workspace != agent.Workspace || !agent.AllowedParents.Contains(parent.Name, StringComparer.Ordinal))
        {
            throw TokenExchangeException.Grant(
                "parent_not_allowed",
                $"agent `{agent.Name}` does not allow `{parent.Name}` to call it; an admin lists allowed callers with `--allowed-parent`");
        }

        if (caller.Chain.Any(a => a.Id == agent.Id))
        {
            throw TokenExchangeException.Grant("chain_cycle", $"agent `{agent.Name}` is already in the caller's chain");
        }

        if (caller.Chain.Count >= DomeClaims.MaxChain)
        {
            throw TokenExchangeException.Grant("chain_too_long", $"the chain already holds {caller.Chain.Count} agents; at most {DomeClaims.MaxChain} are allowed");
        }

        if (agent.RequireActAs == ActAsRequirement.Oidc && caller.User is null)
        {
            throw new TokenExchangeException(
                OAuthErrors.UnauthorizedClient,
                "act_as_required",
                $"agent `{agent.Name}` must act as a user, and the caller's token carries none");
        }

        // The new hop never outlives the token it was derived from.
        return (caller with { Chain = [.. caller.Chain, Ref(agent)] }, check.Token.ExpiresAt);
    }

    private static AgentRef Ref(Agent agent) => new() { Id = agent.Id, Name = agent.Name, Workspace = agent.Workspace, Tier = WireNames.Of(agent.Tier) };

    /// <summary>What the exchange learned before it was refused, for the audit record.</summary>
    private sealed class Attempt
    {
        public string? KeyId { get; set; }

        public Agent? Agent { get; set; }
    }
}
