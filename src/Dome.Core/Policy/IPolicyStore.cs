namespace Dome.Core.Policy;

/// <summary>Policy set versions per tenant and which one is active.</summary>
public interface IPolicyStore
{
    /// <summary>Stores <paramref name="version"/> (a no-op when the tenant already has that hash) and makes it the active one.</summary>
    Task ActivateAsync(PolicyVersion version, CancellationToken cancellationToken);

    /// <summary>The active version of the tenant; null when it never published one.</summary>
    Task<PolicyVersion?> GetActiveAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>The hash of the active version (cheap: for checking that a compiled set is still current).</summary>
    Task<string?> GetActiveHashAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Every version the tenant published, newest first, without their files.</summary>
    Task<IReadOnlyList<PolicyVersionSummary>> ListAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>The tenant's escalation settings (<see cref="PolicySettings.None"/> when it set none).</summary>
    Task<PolicySettings> GetSettingsAsync(string tenantId, CancellationToken cancellationToken);

    Task SetSettingsAsync(string tenantId, PolicySettings settings, CancellationToken cancellationToken);
}
