namespace Dome.Cedar.Schema.Model;

/// <summary>The builtin primitive types.</summary>
public enum SchemaPrimitive
{
    /// <summary>64-bit signed integer.</summary>
    Long,

    /// <summary>Unicode string.</summary>
    String,

    /// <summary>Boolean.</summary>
    Bool,
}
