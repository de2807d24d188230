using Dome.Core.Registry;
using Dome.Functions.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dome.Functions.Endpoints;

/// <summary><c>/v1/admin/tenant</c> and <c>/v1/admin/workspaces</c>: the caller's own tenant.</summary>
internal static class AdminTenantApi
{
    public static RouteGroupBuilder MapAdminTenantApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/tenant", TenantAsync).WithTags("Tenant").WithName("ShowTenant").WithSummary("The tenant the admin key belongs to.");
        var workspaces = admin.MapGroup("/workspaces").WithTags("Tenant");
        workspaces.MapGet("/", ListWorkspacesAsync).WithName("ListWorkspaces").WithSummary("The tenant's workspaces.");
        workspaces.MapPost("/", CreateWorkspaceAsync).Accepts<NameRequest>("application/json").WithName("CreateWorkspace")
            .WithSummary("Create a workspace in the tenant.");
        return admin;
    }

    private static async Task<Ok<TenantView>> TenantAsync(HttpContext http, Core.Storage.ITenantStore tenants, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindTenantAsync(http.TenantId(), cancellationToken).ConfigureAwait(false)
            ?? throw Core.Errors.DomeException.NotFound("the admin key's tenant no longer exists");
        return TypedResults.Ok(TenantView.Of(tenant));
    }

    private static async Task<Ok<WorkspaceView[]>> ListWorkspacesAsync(HttpContext http, TenantAdministration administration, CancellationToken cancellationToken)
    {
        var list = await administration.ListWorkspacesAsync(http.TenantId(), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(WorkspaceView.Of).ToArray());
    }

    private static async Task<Created<WorkspaceView>> CreateWorkspaceAsync(HttpContext http, TenantAdministration administration, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsync<NameRequest>(http.Request, cancellationToken).ConfigureAwait(false);
        var workspace = await administration.CreateWorkspaceAsync(http.TenantId(), request.Name, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/v1/admin/workspaces/{workspace.Name}", WorkspaceView.Of(workspace));
    }
}
