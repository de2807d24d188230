namespace Dome.Tokens.Issuing;

/// <summary>The claims of Dome's access tokens beyond the registered ones (<c>iss sub aud iat nbf exp jti</c>).</summary>
internal static class DomeClaims
{
    /// <summary>RFC 8693 §4.1: the acting party; nested for each earlier hop.</summary>
    public const string Act = "act";

    /// <summary>RFC 8693 §4.3: the agent the token was issued to.</summary>
    public const string ClientId = "client_id";

    public const string Tenant = "tenant";
    public const string Workspace = "workspace";
    public const string AgentName = "agent_name";
    public const string Tier = "tier";

    /// <summary>The verified end user (act-as): <c>{iss, sub, idp, email?, name?, customer?}</c>.</summary>
    public const string User = "user";

    public const string Idp = "idp";
    public const string Email = "email";
    public const string Name = "name";
    public const string Customer = "customer";

    /// <summary>How many agents a chain may hold; a longer one is refused.</summary>
    public const int MaxChain = 8;
}
