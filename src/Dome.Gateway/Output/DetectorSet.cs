namespace Dome.Gateway.Output;

/// <summary>The detectors a rule set turns on.</summary>
[Flags]
internal enum DetectorSet
{
    None = 0,
    Email = 1,
    Phone = 2,
    Card = 4,
    Ssn = 8,
    ApiKey = 16,
    BearerToken = 32,
    PrivateKey = 64,
    Credential = 128,
    Pii = Email | Phone | Card | Ssn,
    Secrets = ApiKey | BearerToken | PrivateKey | Credential,
}
