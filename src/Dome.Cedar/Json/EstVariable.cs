namespace Dome.Cedar.Json;

/// <summary>A request variable (<c>{"Var": "principal"}</c>).</summary>
internal sealed record EstVariable(string Name) : EstExpr
{
    /// <summary>The variable names the format allows.</summary>
    public static readonly IReadOnlyList<string> Names = ["principal", "action", "resource", "context"];
}
