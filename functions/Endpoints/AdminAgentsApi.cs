using Dome.Core.Errors;
using Dome.Core.Registry;
using Dome.Functions.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dome.Functions.Endpoints;

/// <summary><c>/v1/admin/agents</c>: register, read and operate the agents of the caller's tenant.</summary>
internal static class AdminAgentsApi
{
    public static RouteGroupBuilder MapAdminAgentsApi(this RouteGroupBuilder admin)
    {
        var agents = admin.MapGroup("/agents").WithTags("Agents");
        agents.MapPost("/", RegisterAsync).Accepts<AgentRegistration>("application/json").WithName("RegisterAgent")
            .WithSummary("Register an agent (status `provisioned`); the answer holds its API key, shown this once.");
        agents.MapGet("/", ListAsync).WithName("ListAgents").WithSummary("List agents, optionally of one workspace and one owner.");
        agents.MapGet("/{name}", ShowAsync).WithName("ShowAgent").WithSummary("One agent with its history of changes.");
        agents.MapPost("/{name}/rotate-key", RotateKeyAsync).WithName("RotateAgentKey")
            .WithSummary("Issue a new API key and invalidate the old one; the new key is shown this once.");
        agents.MapPost("/{name}/{transition}", TransitionAsync).WithName("TransitionAgent")
            .WithSummary("Move an agent through its lifecycle: `activate`, `suspend`, `resume` or `revoke`.");
        return admin;
    }

    private static async Task<Created<AgentWithKey>> RegisterAsync(HttpContext http, AgentRegistry registry, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsync<AgentRegistration>(http.Request, cancellationToken).ConfigureAwait(false);
        var registered = await registry.RegisterAsync(http.TenantId(), request, http.Caller().Actor, cancellationToken).ConfigureAwait(false);
        var agent = registered.Agent;
        var history = await registry.HistoryAsync(agent, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created(
            $"/v1/admin/agents/{agent.Name}?workspace={agent.Workspace}",
            new AgentWithKey { Agent = AgentView.Of(agent, history), ApiKey = registered.ApiKey });
    }

    private static async Task<Ok<AgentView[]>> ListAsync(HttpContext http, AgentRegistry registry, string? workspace, string? owner, CancellationToken cancellationToken)
    {
        var agents = await registry.ListAsync(http.TenantId(), workspace, owner, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(agents.Select(agent => AgentView.Of(agent)).ToArray());
    }

    private static async Task<Ok<AgentView>> ShowAsync(HttpContext http, AgentRegistry registry, string name, string? workspace, CancellationToken cancellationToken)
    {
        var agent = await registry.GetAsync(http.TenantId(), workspace, name, cancellationToken).ConfigureAwait(false);
        var history = await registry.HistoryAsync(agent, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(AgentView.Of(agent, history));
    }

    private static async Task<Ok<AgentView>> TransitionAsync(HttpContext http, AgentRegistry registry, string name, string transition, string? workspace, CancellationToken cancellationToken)
    {
        var move = transition switch
        {
            "activate" => LifecycleTransition.Activate,
            "suspend" => LifecycleTransition.Suspend,
            "resume" => LifecycleTransition.Resume,
            "revoke" => LifecycleTransition.Revoke,
            _ => throw DomeException.NotFound($"unknown lifecycle action `{transition}`: use `activate`, `suspend`, `resume` or `revoke`"),
        };
        var agent = await registry.TransitionAsync(http.TenantId(), workspace, name, move, http.Caller().Actor, cancellationToken).ConfigureAwait(false);
        var history = await registry.HistoryAsync(agent, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(AgentView.Of(agent, history));
    }

    private static async Task<Ok<AgentWithKey>> RotateKeyAsync(HttpContext http, AgentRegistry registry, string name, string? workspace, CancellationToken cancellationToken)
    {
        var rotated = await registry.RotateKeyAsync(http.TenantId(), workspace, name, http.Caller().Actor, cancellationToken).ConfigureAwait(false);
        var history = await registry.HistoryAsync(rotated.Agent, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new AgentWithKey { Agent = AgentView.Of(rotated.Agent, history), ApiKey = rotated.ApiKey });
    }
}
