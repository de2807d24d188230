namespace Dome.Cedar.Syntax;

internal enum ScopeKind
{
    Any,
    Equal,
    In,
    Is,
    IsIn,
    InSet,
}
