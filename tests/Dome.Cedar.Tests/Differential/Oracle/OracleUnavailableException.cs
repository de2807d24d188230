namespace Dome.Cedar.Tests.Differential.Oracle;

/// <summary>The reference oracle cannot run (not installed, node missing, or it crashed).</summary>
internal sealed class OracleUnavailableException(string message) : Exception(message);
