namespace Dome.Cedar.Tests.Differential.Generation;

/// <summary>An authorization request; the context is entity-format JSON (a record).</summary>
internal sealed record GeneratedRequest(EntityRef Principal, EntityRef Action, EntityRef Resource, string ContextJson)
{
    public override string ToString() =>
        $"principal {Principal}, action {Action}, resource {Resource}, context {ContextJson}";
}
