namespace Dome.Cedar.Tests.Differential.Generation;

/// <summary>A template link: the new policy's id and the entities for `?principal` / `?resource`.</summary>
internal sealed record GeneratedLink(string TemplateId, string NewId, EntityRef? Principal, EntityRef? Resource);
