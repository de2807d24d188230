namespace Dome.Core.Security;

/// <summary>The prefixes of Dome's bearer secrets, so a leaked one can be recognised by scanners.</summary>
public static class KeyPrefixes
{
    public const string ApiKey = "dome_ak";
    public const string AdminKey = "dome_adm";
    public const string OperatorKey = "dome_op";
}
