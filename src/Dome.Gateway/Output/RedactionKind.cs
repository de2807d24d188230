namespace Dome.Gateway.Output;

/// <summary>What output governance removed; the audit event counts each kind, never the values.</summary>
public enum RedactionKind
{
    /// <summary>A value at a redacted JSON path.</summary>
    Field,
    Email,
    Phone,
    Card,
    Ssn,
    ApiKey,
    BearerToken,
    PrivateKey,

    /// <summary>A value named like a credential: a JSON member <c>password</c>, <c>client_secret</c>…, or <c>password=…</c> in text.</summary>
    Credential,

    /// <summary>A record removed by a drop rule.</summary>
    Record,
}
