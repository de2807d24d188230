using Dome.Core.Lifecycle;
using Dome.Tokens;
using Dome.Tokens.Exchange;
using Dome.Tokens.Issuing;
using Dome.Tokens.Keys;
using Dome.Tokens.Providers;
using Dome.Tokens.Validation;

namespace Dome.Functions.Hosting;

/// <summary>
/// Wires agent identity: token exchange, the signing-key ring (its store comes from <see cref="StorageServices"/>),
/// identity providers and the token validator, whose agent cache every processed lifecycle event invalidates.
/// </summary>
internal static class IdentityServices
{
    public static IServiceCollection AddDomeIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TokenOptions>().Bind(configuration.GetSection(TokenOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddHttpClient(JwksCache.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(5));

        services.AddSingleton<DomeIssuer>();
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<DomeTokenIssuer>();
        services.AddSingleton<AgentStatusCache>();
        services.AddSingleton<ILifecycleObserver>(sp => sp.GetRequiredService<AgentStatusCache>());
        services.AddSingleton<DomeTokenValidator>();
        services.AddSingleton<JwksCache>();
        services.AddSingleton<IdTokenVerifier>();
        services.AddSingleton<IdentityProviders>();
        services.AddSingleton<TokenAudit>();
        services.AddSingleton<TokenExchange>();
        return services;
    }
}
