using Dome.Gateway.Output;

namespace Dome.Gateway.Tests.Output;

/// <summary>Each detector on plain text: what it must find and what it must leave alone.</summary>
public sealed class DetectorTests
{
    [Theory]
    [InlineData("mail ann.lee+x@example.co.uk now", "mail [redacted:email] now")]
    [InlineData("a@b.io", "[redacted:email]")]
    [InlineData("<bob_99@mail-server.example.com>", "<[redacted:email]>")]
    public void Email_Found(string text, string expected) => AssertFiltered("email", text, expected, RedactionKind.Email);

    [Theory]
    [InlineData("user@localhost")]
    [InlineData("price @ 5 dollars")]
    [InlineData("handle @ann")]
    [InlineData("a@b.c1")]
    public void Email_NotAnEmail_Unchanged(string text) => AssertUnchanged("email", text);

    [Theory]
    [InlineData("card 4111 1111 1111 1111 exp 12/29", "card [redacted:card] exp 12/29")]
    [InlineData("4111-1111-1111-1111", "[redacted:card]")]
    [InlineData("pay 5555555555554444.", "pay [redacted:card].")]
    [InlineData("amex 378282246310005", "amex [redacted:card]")]
    [InlineData("4111 1111 1111 1111 12", "[redacted:card] 12")]
    public void Card_LuhnValidKnownIssuer_Found(string text, string expected) => AssertFiltered("card", text, expected, RedactionKind.Card);

    [Theory]
    [InlineData("4111 1111 1111 1112")]
    [InlineData("order 4111111111111112")]
    [InlineData("id 1234567812345670")]
    [InlineData("4111-1111 1111-1111")]
    [InlineData("x4111111111111111")]
    [InlineData("41111111111111111111111")]
    public void Card_FailsLuhnOrIssuerOrShape_Unchanged(string text) => AssertUnchanged("card", text);

    [Fact]
    public void Card_SixteenDigitsFailingLuhn_IsNotACard()
    {
        Assert.False(PassesLuhn("4111111111111112"));
        AssertUnchanged("pii", "ref 4111111111111112 ok");
    }

    [Theory]
    [InlineData("ssn 078-05-1120.", "ssn [redacted:ssn].")]
    [InlineData("123-45-6789", "[redacted:ssn]")]
    public void Ssn_Found(string text, string expected) => AssertFiltered("ssn", text, expected, RedactionKind.Ssn);

    [Theory]
    [InlineData("000-12-3456")]
    [InlineData("666-12-3456")]
    [InlineData("900-12-3456")]
    [InlineData("123-00-4567")]
    [InlineData("123-45-0000")]
    [InlineData("123456789")]
    [InlineData("123.45.6789")]
    [InlineData("2024-01-15")]
    [InlineData("1123-45-6789")]
    public void Ssn_InvalidOrAmbiguous_Unchanged(string text) => AssertUnchanged("ssn", text);

    [Theory]
    [InlineData("call +1 415 555 2671 now", "call [redacted:phone] now")]
    [InlineData("+442071838750", "[redacted:phone]")]
    [InlineData("(415) 555-2671", "[redacted:phone]")]
    [InlineData("415-555-2671", "[redacted:phone]")]
    [InlineData("415.555.2671", "[redacted:phone]")]
    [InlineData("1 415 555 2671", "[redacted:phone]")]
    public void Phone_Found(string text, string expected) => AssertFiltered("phone", text, expected, RedactionKind.Phone);

    [Theory]
    [InlineData("ts 1700000000123")]
    [InlineData("id 4155552671")]
    [InlineData("2024-01-15 10:30")]
    [InlineData("v1.2.3")]
    [InlineData("192.168.10.100")]
    [InlineData("pi 3.14159")]
    [InlineData("+123")]
    [InlineData("015-555-2671")]
    public void Phone_NotAPhone_Unchanged(string text) => AssertUnchanged("phone", text);

    [Theory]
    [InlineData("key sk-proj-abcdefghijklmnopqrstuvwxyz0123 end", "key [redacted:api_key] end")]
    [InlineData("sk_live_4eC39HqLyjWDarjtT1zdp7dc", "[redacted:api_key]")]
    [InlineData("token=ghp_abcdefghijklmnopqrstuvwxyz0123456789", "token=[redacted:api_key]")]
    [InlineData("AKIAIOSFODNN7EXAMPLE", "[redacted:api_key]")]
    [InlineData("xoxb-1234567890-abcdefghijklmn", "[redacted:api_key]")]
    [InlineData("dome_ak_k1_abcdefghijklmnopqrst", "[redacted:api_key]")]
    public void ApiKey_Found(string text, string expected) => AssertFiltered("api_key", text, expected, RedactionKind.ApiKey);

    [Theory]
    [InlineData("task-runner skills")]
    [InlineData("sk-short")]
    [InlineData("AKIASHORT")]
    [InlineData("AKIAIOSFODNN7EXAMPLEX1")]
    [InlineData("risk_live_value_abcdefghijklmnop")]
    public void ApiKey_NotAKey_Unchanged(string text) => AssertUnchanged("api_key", text);

    [Theory]
    [InlineData("Authorization: Bearer abcdef0123456789ABCDEF==", "Authorization: Bearer [redacted:bearer_token]")]
    [InlineData("bearer  a1b2c3d4e5f6g7h8i9j0", "bearer  [redacted:bearer_token]")]
    [InlineData("jwt eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.c2lnbmF0dXJlLXZhbHVl done", "jwt [redacted:bearer_token] done")]
    public void BearerToken_Found(string text, string expected) => AssertFiltered("bearer_token", text, expected, RedactionKind.BearerToken);

    [Theory]
    [InlineData("the bearer of bad news")]
    [InlineData("Bearer short")]
    [InlineData("eyJ is how base64 JSON starts")]
    public void BearerToken_NotAToken_Unchanged(string text) => AssertUnchanged("bearer_token", text);

    [Fact]
    public void PrivateKey_PemBlock_RedactedWhole()
    {
        var text = "k: -----BEGIN RSA PRIVATE KEY-----\nMIIEow\nIBAAK\n-----END RSA PRIVATE KEY----- ok";

        AssertFiltered("private_key", text, "k: [redacted:private_key] ok", RedactionKind.PrivateKey);
    }

    [Fact]
    public void PrivateKey_Unterminated_RedactedToTheEnd() =>
        AssertFiltered("private_key", "x -----BEGIN PRIVATE KEY-----\nMIIE", "x [redacted:private_key]", RedactionKind.PrivateKey);

    [Fact]
    public void PrivateKey_PublicKeyOrCertificate_Unchanged()
    {
        AssertUnchanged("private_key", "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----");
        AssertUnchanged("private_key", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----");
    }

    [Theory]
    [InlineData("Server=db;Password=hunter22;", "Server=db;Password=[redacted:credential];")]
    [InlineData("client_secret: 's3cr3tvalue'", "client_secret: '[redacted:credential]'")]
    [InlineData("api-key = abcdef123", "api-key = [redacted:credential]")]
    public void Credential_Assignment_ValueRedacted(string text, string expected) => AssertFiltered("credential", text, expected, RedactionKind.Credential);

    [Theory]
    [InlineData("ratio 3:4")]
    [InlineData("password: ***")]
    [InlineData("passwords=enabled_by_default")]
    [InlineData("url: https://example.com")]
    public void Credential_NotACredential_Unchanged(string text) => AssertUnchanged("credential", text);

    [Fact]
    public void Groups_SecretsAndPii_TurnOnTheirDetectors()
    {
        var text = "ann@example.com 078-05-1120 sk_live_4eC39HqLyjWDarjtT1zdp7dc";

        var pii = Governed.Apply(text, Governed.Detect("pii"), "text/plain");
        var secrets = Governed.Apply(text, Governed.Detect("secrets"), "text/plain");

        Assert.Equal("[redacted:email] [redacted:ssn] sk_live_4eC39HqLyjWDarjtT1zdp7dc", pii.Text());
        Assert.Equal("ann@example.com 078-05-1120 [redacted:api_key]", secrets.Text());
    }

    [Fact]
    public void Counts_SeveralMatches_CountedPerKindWithoutValues()
    {
        var result = Governed.Apply("a@x.io b@y.io 415-555-2671", Governed.Detect("pii"), "text/plain");

        Assert.Equal(2, result.Counts[RedactionKind.Email]);
        Assert.Equal(1, result.Counts[RedactionKind.Phone]);
        Assert.Equal(3, result.Counts.Total);
        Assert.Equal(new Dictionary<string, int> { ["email"] = 2, ["phone"] = 1 }, result.Counts.ToDictionary());
    }

    private static bool PassesLuhn(string digits) => CardNumbers.PassesLuhn(System.Text.Encoding.ASCII.GetBytes(digits));

    [Fact]
    public void MemberName_CleanUnderOneDetectorSet_IsStillFilteredUnderAnother()
    {
        // Member names go through the detectors of each call's own set: a name passed clean for `phone` is still an email.
        const string Body = """{"ann@example.com":{"ann@example.com":1}}""";

        var phone = Governed.Apply(Body, Governed.Detect("phone"));
        var phoneAgain = Governed.Apply(Body, Governed.Detect("phone"));
        var email = Governed.Apply(Body, Governed.Detect("email"));

        Assert.False(phone.Changed);
        Assert.False(phoneAgain.Changed);
        Assert.Equal("""{"[redacted:email]":{"[redacted:email]":1}}""", email.Text());
        Assert.Equal(2, email.Counts[RedactionKind.Email]);
    }

    private static void AssertFiltered(string detector, string text, string expected, RedactionKind kind)
    {
        var result = Governed.Apply(text, Governed.Detect(detector), "text/plain");

        Assert.Equal(expected, result.Text());
        Assert.True(result.Counts[kind] > 0);
    }

    private static void AssertUnchanged(string detector, string text)
    {
        var result = Governed.Apply(text, Governed.Detect(detector), "text/plain");

        Assert.False(result.Changed, $"`{text}` became `{result.Text()}`");
        Assert.Equal(text, result.Text());
    }
}
