using Dome.Core.Errors;
using Dome.Core.Registry;

namespace Dome.Functions.Endpoints;

/// <summary>
/// Authenticates management calls by a bearer admin or operator key. Admin routes refuse the operator key and
/// operator routes refuse admin keys; a missing or wrong key is a 401 that never says which part was wrong.
/// </summary>
internal static class ManagementAuth
{
    private const string CallerItem = "dome.caller";

    public static RouteGroupBuilder RequireAdmin(this RouteGroupBuilder group) => group.AddEndpointFilter(Filter(operatorRoute: false));

    public static RouteGroupBuilder RequireOperator(this RouteGroupBuilder group) => group.AddEndpointFilter(Filter(operatorRoute: true));

    /// <summary>The caller that the route's filter authenticated; a route without the filter fails closed.</summary>
    public static Caller Caller(this HttpContext context) =>
        context.Items[CallerItem] as Caller ?? throw new InvalidOperationException("management route reached without authentication");

    /// <summary>The tenant an admin caller administers.</summary>
    public static string TenantId(this HttpContext context) =>
        context.Caller().TenantId ?? throw new InvalidOperationException("admin route reached by the operator");

    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> Filter(bool operatorRoute) =>
        async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            var presented = Bearer(http.Request.Headers.Authorization.ToString());
            var administration = http.RequestServices.GetRequiredService<TenantAdministration>();
            var caller = await administration.AuthenticateAsync(presented, http.RequestAborted).ConfigureAwait(false);
            if (caller is null)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                var which = operatorRoute ? "the operator key (`<data-dir>/operator.key`)" : "a tenant admin key (`<data-dir>/admin.key`)";
                return Problems.From(new DomeException(DomeErrorCode.Unauthenticated, $"missing or invalid key: send {which} as `Authorization: Bearer <key>`"));
            }

            if (caller.IsOperator != operatorRoute)
            {
                return Problems.From(new DomeException(
                    DomeErrorCode.Forbidden,
                    operatorRoute ? "this route needs the operator key, not a tenant admin key" : "this route needs a tenant admin key, not the operator key"));
            }

            http.Items[CallerItem] = caller;
            return await next(invocation).ConfigureAwait(false);
        };

    private static string? Bearer(string header) =>
        header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
}
