namespace Dome.Cedar.Tests.Differential.Generation.Schemas;

/// <summary>
/// The request environment a policy's conditions are written for: one principal and resource type
/// (null when no action applies) and the context of one action. The scope may allow more environments;
/// then accesses valid here may be errors there, as in real policies.
/// </summary>
internal sealed record PolicyEnvironment(string? Principal, string? Resource, GenAction? Action);
