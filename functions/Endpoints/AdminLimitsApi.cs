using Dome.Functions.Contracts;
using Dome.Gateway.Limits;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dome.Functions.Endpoints;

/// <summary><c>/v1/admin/limits</c>: rate limits, concurrency limits and daily quotas of the caller's tenant.</summary>
internal static class AdminLimitsApi
{
    public static RouteGroupBuilder MapAdminLimitsApi(this RouteGroupBuilder admin)
    {
        var limits = admin.MapGroup("/limits").WithTags("Limits");
        limits.MapGet("/", ListAsync).WithName("ListLimits").WithSummary("Every limit of the tenant, with today's quota use.");
        limits.MapPut("/{scope}/{**name}", SetAsync).Accepts<LimitSettings>("application/json").WithName("SetLimit")
            .WithSummary("Set the limits of `agent`, `tenant` (name `*`), `customer` or `tool` NAME; `*` covers each one without its own. Replaces what was set.");
        limits.MapGet("/{scope}/{**name}", ShowAsync).WithName("ShowLimit").WithSummary("One limit with today's quota use.");
        limits.MapDelete("/{scope}/{**name}", RemoveAsync).WithName("RemoveLimit").WithSummary("Remove the limits of one scope and name.");
        return admin;
    }

    private static async Task<Ok<LimitView[]>> ListAsync(HttpContext http, LimitsAdministration limits, CancellationToken cancellationToken)
    {
        var all = await limits.ListAsync(http.TenantId(), cancellationToken).ConfigureAwait(false);
        var views = new LimitView[all.Count];
        for (var i = 0; i < all.Count; i++)
        {
            views[i] = LimitView.Of(all[i], await limits.UsedTodayAsync(all[i], cancellationToken).ConfigureAwait(false));
        }

        return TypedResults.Ok(views);
    }

    private static async Task<Ok<LimitView>> SetAsync(HttpContext http, LimitsAdministration limits, string scope, string name, CancellationToken cancellationToken)
    {
        var settings = await JsonBody.ReadAsync<LimitSettings>(http.Request, cancellationToken).ConfigureAwait(false);
        var policy = await limits.SetAsync(http.TenantId(), scope, name, settings, http.Caller().Actor, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(LimitView.Of(policy, await limits.UsedTodayAsync(policy, cancellationToken).ConfigureAwait(false)));
    }

    private static async Task<Ok<LimitView>> ShowAsync(HttpContext http, LimitsAdministration limits, string scope, string name, CancellationToken cancellationToken)
    {
        var (policy, used) = await limits.GetAsync(http.TenantId(), scope, name, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(LimitView.Of(policy, used));
    }

    private static async Task<NoContent> RemoveAsync(HttpContext http, LimitsAdministration limits, string scope, string name, CancellationToken cancellationToken)
    {
        await limits.RemoveAsync(http.TenantId(), scope, name, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }
}
