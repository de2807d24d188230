namespace Dome.Functions.Contracts;

/// <summary>The body of <c>PUT /v1/admin/secrets/{name}</c>.</summary>
internal sealed record SecretRequest
{
    public required string Value { get; init; }
}
