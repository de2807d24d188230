namespace Dome.Cedar.Schema.Model;

/// <summary>A (possibly qualified) type name as written, e.g. <c>User</c> or <c>NS::User</c>.</summary>
public sealed record SchemaName(string Text, SchemaSourceSpan? Span = null)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}
