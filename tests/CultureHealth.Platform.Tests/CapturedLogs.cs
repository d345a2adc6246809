using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CultureHealth.Platform.Tests;

/// <summary>
/// A logger provider that keeps every record a host writes as text: category, formatted message, every structured
/// value and every scope around it (what an OTLP log exporter with scopes on would send).
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _records = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Records => [.. _records];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => sink._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new System.Text.StringBuilder($"{logLevel} {category}: {formatter(state, exception)}");
            Append(text, state);
            sink._scopes.ForEachScope((scope, builder) => Append(builder.Append(" | scope "), scope), text);
            if (exception is not null)
            {
                text.Append(" | ").Append(exception);
            }

            sink._records.Enqueue(text.ToString());
        }

        private static void Append(System.Text.StringBuilder text, object? state)
        {
            text.Append(' ').Append(state);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append(' ').Append(key).Append('=').Append(value);
                }
            }
        }
    }
}
