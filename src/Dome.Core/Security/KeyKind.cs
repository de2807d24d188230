namespace Dome.Core.Security;

/// <summary>What a management key may do.</summary>
public enum KeyKind
{
    /// <summary>Administers one tenant.</summary>
    Admin,

    /// <summary>Creates tenants and their admin keys.</summary>
    Operator,
}
