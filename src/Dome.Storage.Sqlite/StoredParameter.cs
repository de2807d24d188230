namespace Dome.Storage.Sqlite;

/// <summary>A tool parameter as the <c>tools.parameters</c> column stores it.</summary>
internal sealed record StoredParameter(string Name, string In);
