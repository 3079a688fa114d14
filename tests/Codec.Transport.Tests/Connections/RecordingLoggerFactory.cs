using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Codec.Transport.Tests.Connections;

/// <summary>One logged message.</summary>
public sealed record LogRecord(LogLevel Level, string Category, int EventId, string Message, Exception? Exception);

/// <summary>Records every message at every level, so tests can assert "logged and closed".</summary>
public sealed class RecordingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<LogRecord> _records = new();

    public IReadOnlyCollection<LogRecord> Records => _records;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public IEnumerable<LogRecord> WithEvent(int eventId) => _records.Where(record => record.EventId == eventId);

    /// <summary>Waits until a record matches; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<LogRecord> WaitForAsync(Func<LogRecord, bool> predicate, TimeSpan? timeout = null)
    {
        DateTime deadline = DateTime.UtcNow + (timeout ?? TestTimeouts.Default);
        while (true)
        {
            LogRecord? found = _records.FirstOrDefault(predicate);
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("Expected log record not written. Log:\n" + string.Join("\n", _records.Select(r => $"{r.Level} {r.EventId} {r.Message}")));
            }

            await Task.Delay(10);
        }
    }

    public Task<LogRecord> WaitForEventAsync(int eventId, TimeSpan? timeout = null) => WaitForAsync(record => record.EventId == eventId, timeout);

    private sealed class Logger(RecordingLoggerFactory factory, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            factory._records.Enqueue(new LogRecord(logLevel, category, eventId.Id, formatter(state, exception), exception));
    }
}
