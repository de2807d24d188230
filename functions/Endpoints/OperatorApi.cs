using Dome.Core.Registry;
using Dome.Functions.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dome.Functions.Endpoints;

/// <summary><c>/v1/operator</c>: tenants, their admin keys and workspaces; the operator key only.</summary>
internal static class OperatorApi
{
    public static RouteGroupBuilder MapOperatorApi(this RouteGroupBuilder group)
    {
        var tenants = group.MapGroup("/tenants").WithTags("Operator");
        tenants.MapPost("/", CreateTenantAsync).Accepts<NameRequest>("application/json").WithName("CreateTenant")
            .WithSummary("Create a tenant with its `default` workspace; the answer holds its admin key, shown this once.");
        tenants.MapGet("/", ListTenantsAsync).WithName("ListTenants");
        tenants.MapPost("/{tenant}/admin-keys", CreateAdminKeyAsync).WithName("CreateAdminKey")
            .WithSummary("Issue another admin key for a tenant, shown this once.");
        tenants.MapGet("/{tenant}/workspaces", ListWorkspacesAsync).WithName("ListTenantWorkspaces");
        tenants.MapPost("/{tenant}/workspaces", CreateWorkspaceAsync).Accepts<NameRequest>("application/json").WithName("CreateTenantWorkspace");
        return group;
    }

    private static async Task<Created<TenantView>> CreateTenantAsync(HttpContext http, TenantAdministration administration, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsync<NameRequest>(http.Request, cancellationToken).ConfigureAwait(false);
        var (tenant, adminKey) = await administration.CreateTenantAsync(request.Name, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/v1/operator/tenants/{tenant.Name}", TenantView.Of(tenant, adminKey));
    }

    private static async Task<Ok<TenantView[]>> ListTenantsAsync(TenantAdministration administration, CancellationToken cancellationToken)
    {
        var tenants = await administration.ListTenantsAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(tenants.Select(tenant => TenantView.Of(tenant)).ToArray());
    }

    private static async Task<Created<TenantView>> CreateAdminKeyAsync(TenantAdministration administration, string tenant, CancellationToken cancellationToken)
    {
        var found = await administration.GetTenantAsync(tenant, cancellationToken).ConfigureAwait(false);
        var key = await administration.CreateAdminKeyAsync(found.Id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/v1/operator/tenants/{found.Name}", TenantView.Of(found, key));
    }

    private static async Task<Ok<WorkspaceView[]>> ListWorkspacesAsync(TenantAdministration administration, string tenant, CancellationToken cancellationToken)
    {
        var found = await administration.GetTenantAsync(tenant, cancellationToken).ConfigureAwait(false);
        var list = await administration.ListWorkspacesAsync(found.Id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(WorkspaceView.Of).ToArray());
    }

    private static async Task<Created<WorkspaceView>> CreateWorkspaceAsync(HttpContext http, TenantAdministration administration, string tenant, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsync<NameRequest>(http.Request, cancellationToken).ConfigureAwait(false);
        var found = await administration.GetTenantAsync(tenant, cancellationToken).ConfigureAwait(false);
        var workspace = await administration.CreateWorkspaceAsync(found.Id, request.Name, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/v1/operator/tenants/{found.Name}/workspaces/{workspace.Name}", WorkspaceView.Of(workspace));
    }
}
