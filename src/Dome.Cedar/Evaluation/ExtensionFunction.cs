namespace Dome.Cedar.Evaluation;

/// <summary>
/// One extension function: a constructor such as `decimal("1.5")` or a method such as `a.lessThan(b)`.
/// <see cref="Arity"/> counts the receiver of a method. <see cref="Invoke"/> throws <see cref="EvaluationException"/> on bad input.
/// </summary>
internal sealed class ExtensionFunction(string name, bool isMethod, int arity, Func<CedarValue[], CedarValue> invoke)
{
    public string Name { get; } = name;

    public bool IsMethod { get; } = isMethod;

    public int Arity { get; } = arity;

    public Func<CedarValue[], CedarValue> Invoke { get; } = invoke;
}
