using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dome.Gateway.Pipeline;
using Dome.Tokens;
using Dome.Tokens.Keys;
using Dome.Tokens.Validation;
using Microsoft.Extensions.Options;

namespace Dome.Gateway.Credentials;

/// <summary>
/// The <c>Dome-User-Assertion</c> header: a short-lived JWT signed with Dome's current key (ES256, <c>kid</c>,
/// verifiable with Dome's JWKS) that tells the upstream which end user the agent acts for. Its <c>typ</c> is
/// <c>dome-user+jwt</c>, so it can never pass as a Dome access token, and its audience is the upstream's origin.
/// </summary>
public sealed class UserAssertionSigner(SigningKeyRing keys, DomeIssuer issuer, TimeProvider time, IOptions<GatewayOptions> options)
{
    public const string HeaderName = "Dome-User-Assertion";
    public const string Type = "dome-user+jwt";

    public async ValueTask<string> SignAsync(DomePrincipal principal, VerifiedUser user, Uri upstream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(upstream);
        var key = await keys.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var header = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = SigningKey.Algorithm, ["kid"] = key.Kid, ["typ"] = Type });
        var payload = Payload(principal, user, upstream.GetLeftPart(UriPartial.Authority), now.ToUnixTimeSeconds(), (now + options.Value.UserAssertionLifetime).ToUnixTimeSeconds());
        var signingInput = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(payload);
        var signature = key.Key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    private byte[] Payload(DomePrincipal principal, VerifiedUser user, string audience, long issuedAt, long expiresAt)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("iss", issuer.Value);
            json.WriteString("sub", user.QualifiedSubject);
            json.WriteString("aud", audience);
            json.WriteNumber("iat", issuedAt);
            json.WriteNumber("nbf", issuedAt);
            json.WriteNumber("exp", expiresAt);
            json.WriteString("jti", Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12)));
            json.WriteString("tenant", principal.TenantId);
            json.WriteString("idp", user.IdentityProvider);
            if (user.Email is { } email)
            {
                json.WriteString("email", email);
            }

            if (user.Name is { } name)
            {
                json.WriteString("name", name);
            }

            // The agent acting for the user (RFC 8693 `act`), the presenting agent outermost.
            json.WriteStartObject("act");
            json.WriteString("sub", principal.Agent.Id);
            json.WriteString("agent_name", principal.Agent.Name);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
