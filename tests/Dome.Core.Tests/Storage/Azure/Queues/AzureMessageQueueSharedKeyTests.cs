using Dome.Testing.Azurite;

namespace Dome.Core.Tests.Storage.Azure.Queues;

/// <summary>The queue contract on Azurite with Shared Key over HTTP.</summary>
public sealed class AzureMessageQueueSharedKeyTests(AzuriteFixture azurite) : AzureMessageQueueContract(azurite, AzuriteAuth.SharedKey);
