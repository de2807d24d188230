namespace Dome.Cedar.Syntax;

internal enum ExprKind
{
    Literal,
    Variable,
    Unary,
    Binary,
    And,
    Or,
    If,
    GetAttribute,
    HasAttribute,
    Like,
    Is,
    ExtensionCall,
    Set,
    Record,
}
