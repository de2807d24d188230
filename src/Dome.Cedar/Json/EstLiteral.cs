namespace Dome.Cedar.Json;

/// <summary>
/// A primitive literal (<c>{"Value": ...}</c>): <see cref="Value"/> is a <see cref="bool"/>, a
/// <see cref="long"/>, a <see cref="string"/> or an <see cref="EstEntityRef"/>. Set, record and
/// extension values inside <c>"Value"</c> are read as <see cref="EstSet"/>, <see cref="EstRecord"/>
/// and <see cref="EstExtensionCall"/>.
/// </summary>
internal sealed record EstLiteral(object Value) : EstExpr;
