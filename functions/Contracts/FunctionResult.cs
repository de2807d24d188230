namespace Dome.Functions.Contracts;

/// <summary>A custom handler's answer to an invocation: <c>{Outputs, Logs, ReturnValue}</c>.</summary>
internal sealed record FunctionResult
{
    public required Dictionary<string, object?> Outputs { get; init; }

    public required IReadOnlyList<string> Logs { get; init; }

    public object? ReturnValue { get; init; }

    public static FunctionResult Empty(params string[] logs) => new() { Outputs = [], Logs = logs };
}
