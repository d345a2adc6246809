using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CultureHealth.Messaging.Data;

/// <summary>
/// Npgsql writes a DateTimeOffset to timestamptz only when its offset is zero and throws otherwise, so an
/// instant a client sent as "2026-10-25T01:30:00+01:00" (in a body, a query, a route) used to become a 500.
/// timestamptz keeps the instant, not the offset; every parameter is turned into the same instant in UTC
/// as the command leaves, whichever endpoint or query built it.
/// </summary>
internal sealed class UtcTimestampInterceptor : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        ToUtc(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        ToUtc(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        ToUtc(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ToUtc(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        ToUtc(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        ToUtc(command);
        return ValueTask.FromResult(result);
    }

    private static void ToUtc(DbCommand command)
    {
        foreach (DbParameter parameter in command.Parameters)
        {
            if (parameter.Value is DateTimeOffset { Offset.Ticks: not 0 } local)
            {
                parameter.Value = local.ToUniversalTime();
            }
        }
    }
}
