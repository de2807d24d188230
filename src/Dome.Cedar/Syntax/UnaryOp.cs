namespace Dome.Cedar.Syntax;

internal enum UnaryOp
{
    Not,
    Negate,
    IsEmpty,
}
