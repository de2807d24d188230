using System.Text;
using Dome.Core.Catalog;
using Dome.Core.Secrets;

namespace Dome.Gateway.Credentials;

/// <summary>
/// Step 7: the credential of a connection, fetched from the secret store by reference at call time and shaped for
/// the connection's auth kind. Fails closed: a store error, a missing secret or a failed token fetch throws
/// <see cref="CredentialUnavailableException"/>, and the call is not forwarded.
/// </summary>
public sealed class CredentialInjector(ISecretStore secrets, ClientCredentialsTokens tokens)
{
    public async ValueTask<UpstreamCredential> GetAsync(Connection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var auth = connection.Auth;
        if (auth.Kind == AuthKind.None)
        {
            return UpstreamCredential.None;
        }

        if (auth.SecretName is not { Length: > 0 } name)
        {
            throw new CredentialUnavailableException($"connection `{connection.Name}` names no secret for its credential");
        }

        SecretValue? secret;
        try
        {
            secret = await secrets.GetAsync(connection.TenantId, name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new CredentialUnavailableException($"the secret store could not give secret `{name}` of connection `{connection.Name}`; retry later", e);
        }

        if (secret is null)
        {
            throw new CredentialUnavailableException($"secret `{name}` of connection `{connection.Name}` is not set; set it with `dome secrets set {name}`");
        }

        var value = secret.Reveal();
        return auth.Kind switch
        {
            AuthKind.Bearer => new UpstreamCredential("Authorization", "Bearer " + value),
            AuthKind.Header => new UpstreamCredential(auth.HeaderName ?? throw new CredentialUnavailableException($"connection `{connection.Name}` names no header for its credential"), value),
            AuthKind.Basic => new UpstreamCredential("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(value))),
            AuthKind.OAuth2ClientCredentials => new UpstreamCredential("Authorization", "Bearer " + await tokens.GetAsync(connection, secret, cancellationToken).ConfigureAwait(false)),
            _ => throw new CredentialUnavailableException($"connection `{connection.Name}` has an auth kind the gateway does not know"),
        };
    }
}
