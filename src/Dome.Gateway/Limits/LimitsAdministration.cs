using Dome.Core.Errors;
using Dome.Core.Identity;
using Dome.Core.Limits;
using Dome.Core.Registry;

namespace Dome.Gateway.Limits;

/// <summary>
/// Sets, lists and removes a tenant's limits, validating every input; a change reloads the tenant's limits in this
/// instance's <see cref="CallLimiter"/> at once.
/// </summary>
public sealed class LimitsAdministration(ILimitStore store, CallLimiter limiter, TimeProvider time)
{
    public const double MaxRps = 1_000_000;
    public const int MaxBurst = 1_000_000;
    public const int MaxConcurrency = 100_000;
    public const int MaxCustomerLength = CustomerIds.MaxLength;

    /// <summary>Creates or replaces the limits of one scope and name (members left out are no longer limited).</summary>
    public async Task<LimitPolicy> SetAsync(string tenantId, string? scopeText, string? name, LimitSettings settings, string actor, CancellationToken cancellationToken = default)
    {
        var (scope, validName) = Validate(scopeText, name);
        ValidateSettings(settings);
        var policy = new LimitPolicy
        {
            TenantId = tenantId,
            Scope = scope,
            Name = validName,
            RequestsPerSecond = settings.Rps,
            Burst = settings.Burst,
            Concurrency = settings.Concurrency,
            DailyQuota = settings.DailyQuota,
            UpdatedAt = time.GetUtcNow(),
            UpdatedBy = actor,
        };
        await store.UpsertAsync(policy, cancellationToken).ConfigureAwait(false);
        await limiter.ReloadAsync(tenantId, cancellationToken).ConfigureAwait(false);
        return policy;
    }

    public Task<IReadOnlyList<LimitPolicy>> ListAsync(string tenantId, CancellationToken cancellationToken = default) =>
        store.ListAsync(tenantId, cancellationToken);

    /// <summary>One limit, with the calls its daily quota has counted today (null without a daily quota).</summary>
    public async Task<(LimitPolicy Policy, long? UsedToday)> GetAsync(string tenantId, string? scopeText, string? name, CancellationToken cancellationToken = default)
    {
        var (scope, validName) = Validate(scopeText, name);
        var policy = await store.FindAsync(tenantId, scope, validName, cancellationToken).ConfigureAwait(false)
            ?? throw NotFound(scope, validName);
        return (policy, await UsedTodayAsync(policy, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Calls counted today on a policy's daily quota, as stored (blocks reserved by running instances included).</summary>
    public async Task<long?> UsedTodayAsync(LimitPolicy policy, CancellationToken cancellationToken = default)
    {
        if (policy.DailyQuota is null || (policy.Name == LimitScopes.Any && policy.Scope != LimitScope.Tenant))
        {
            return null;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return await store.UsedAsync(new QuotaKey(policy.TenantId, policy.Scope, policy.Name, today), cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveAsync(string tenantId, string? scopeText, string? name, CancellationToken cancellationToken = default)
    {
        var (scope, validName) = Validate(scopeText, name);
        if (!await store.DeleteAsync(tenantId, scope, validName, cancellationToken).ConfigureAwait(false))
        {
            throw NotFound(scope, validName);
        }

        await limiter.ReloadAsync(tenantId, cancellationToken).ConfigureAwait(false);
    }

    private static DomeException NotFound(LimitScope scope, string name) =>
        DomeException.NotFound($"no limit is set on {LimitScopes.Of(scope)} `{name}`");

    private static (LimitScope Scope, string Name) Validate(string? scopeText, string? name)
    {
        if (!LimitScopes.TryParse(scopeText, out var scope))
        {
            throw DomeException.Invalid($"unknown limit scope `{scopeText}`: use `agent`, `tenant`, `customer` or `tool`");
        }

        if (scope == LimitScope.Tenant)
        {
            return string.IsNullOrEmpty(name) || name == LimitScopes.Any
                ? (scope, LimitScopes.Any)
                : throw DomeException.Invalid($"a tenant limit applies to the whole tenant: leave the name out or use `*`, not `{name}`");
        }

        if (name == LimitScopes.Any)
        {
            return (scope, name);
        }

        string? problem;
        var valid = scope switch
        {
            LimitScope.Agent => Names.TryValidate(name, "agent name", out problem),
            LimitScope.Tool => Names.TryValidateTool(name, out problem),
            _ => TryValidateCustomer(name, out problem),
        };
        return valid ? (scope, name!) : throw DomeException.Invalid(problem!);
    }

    private static bool TryValidateCustomer(string? name, out string? problem)
    {
        problem = string.IsNullOrEmpty(name) ? "customer is required"
            : name.Length > MaxCustomerLength ? $"customer is {name.Length} characters long; at most {MaxCustomerLength} are allowed"
            : name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) ? "customer may not contain spaces or control characters"
            : null;
        return problem is null;
    }

    private static void ValidateSettings(LimitSettings settings)
    {
        if (settings.Rps is null && settings.Concurrency is null && settings.DailyQuota is null)
        {
            throw DomeException.Invalid("set at least one of `rps`, `concurrency` or `dailyQuota`");
        }

        if (settings.Rps is { } rps && (double.IsNaN(rps) || rps <= 0 || rps > MaxRps))
        {
            throw DomeException.Invalid($"`rps` is {rps}; it must be above 0 and at most {MaxRps}");
        }

        if (settings.Burst is { } burst && (burst < 1 || burst > MaxBurst || settings.Rps is null))
        {
            throw DomeException.Invalid(settings.Rps is null
                ? "`burst` needs `rps`: it is the size of the bucket refilled at that rate"
                : $"`burst` is {burst}; it must be from 1 to {MaxBurst}");
        }

        if (settings.Concurrency is { } concurrency && (concurrency < 1 || concurrency > MaxConcurrency))
        {
            throw DomeException.Invalid($"`concurrency` is {concurrency}; it must be from 1 to {MaxConcurrency}");
        }

        if (settings.DailyQuota is < 1)
        {
            throw DomeException.Invalid($"`dailyQuota` is {settings.DailyQuota}; it must be 1 or more");
        }
    }
}
