using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dome.Functions.Tests.Deployment;

/// <summary>
/// Keeps each log record's event id and structured state: the fields a JSON console line carries under
/// <c>State</c>, which is what the operators' workbook queries.
/// </summary>
internal sealed class StructuredLogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<Record> records = new();

    public IReadOnlyList<Record> Records => [.. records];

    public ILogger CreateLogger(string categoryName) => new Logger(records);

    public void Dispose()
    {
    }

    internal sealed record Record(int EventId, IReadOnlyDictionary<string, string?> State);

    private sealed class Logger(ConcurrentQueue<Record> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> fields)
            {
                records.Enqueue(new Record(
                    eventId.Id,
                    fields.Where(f => f.Key != "{OriginalFormat}").ToDictionary(f => f.Key, f => Convert.ToString(f.Value, System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)));
            }
        }
    }
}
