namespace Dome.Cedar.Evaluation;

internal enum ValueKind
{
    Bool,
    Long,
    String,
    Entity,
    Set,
    Record,
    Extension,
}
