using Dome.Cedar;

namespace Dome.Gateway.Policy;

/// <summary>One call as Cedar sees it: the request (agent, `call`, tool, context) and the entities it refers to.</summary>
internal sealed record CedarCall(Request Request, EntityStore Entities);
