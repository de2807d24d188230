namespace Dome.Storage.Azure.Stores;

/// <summary>A tool parameter as the <c>Parameters</c> property of a tool row stores it (JSON).</summary>
internal sealed record StoredToolParameter(string Name, string In);
