using Dome.Testing.Azurite;

namespace Dome.Functions.Tests.Azure;

/// <summary>The gateway story on Azurite with bearer tokens over HTTPS (no account key: the app's token credential path).</summary>
public sealed class AzureGatewayStoryOAuthTests(AzuriteFixture azurite) : AzureGatewayStoryTests(azurite, AzuriteAuth.OAuth);
