namespace Dome.Cedar.Tests.Differential.Generation;

/// <summary>A generated policy template with its id.</summary>
internal sealed record GeneratedTemplate(string Id, string Text);
