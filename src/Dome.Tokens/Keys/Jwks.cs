using System.Buffers.Text;
using System.Text.Json.Nodes;

namespace Dome.Tokens.Keys;

/// <summary>Dome's public keys as a JWK Set (RFC 7517): EC P-256, <c>use: sig</c>, <c>alg: ES256</c>, one per <c>kid</c>.</summary>
public static class Jwks
{
    public static JsonObject Document(IEnumerable<SigningKey> keys) => new()
    {
        ["keys"] = new JsonArray([.. keys.Select(Key)]),
    };

    private static JsonObject Key(SigningKey key)
    {
        var parameters = key.Key.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64Url.EncodeToString(parameters.Q.X),
            ["y"] = Base64Url.EncodeToString(parameters.Q.Y),
            ["kid"] = key.Kid,
            ["use"] = "sig",
            ["alg"] = SigningKey.Algorithm,
        };
    }
}
