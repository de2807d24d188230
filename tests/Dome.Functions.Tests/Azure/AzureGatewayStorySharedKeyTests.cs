using Dome.Testing.Azurite;

namespace Dome.Functions.Tests.Azure;

/// <summary>The gateway story on Azurite with Shared Key over HTTP (an account key in the settings).</summary>
public sealed class AzureGatewayStorySharedKeyTests(AzuriteFixture azurite) : AzureGatewayStoryTests(azurite, AzuriteAuth.SharedKey);
