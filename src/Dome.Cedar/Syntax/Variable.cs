namespace Dome.Cedar.Syntax;

internal enum Variable
{
    Principal,
    Action,
    Resource,
    Context,
}
