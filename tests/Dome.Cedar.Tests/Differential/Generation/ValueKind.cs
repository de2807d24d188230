namespace Dome.Cedar.Tests.Differential.Generation;

/// <summary>The Cedar value types the generator aims an expression at.</summary>
internal enum ValueKind
{
    Bool,
    Long,
    String,
    Entity,
    Set,
    Record,
    Decimal,
    IpAddr,
    Datetime,
    Duration,
}
