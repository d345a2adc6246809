using System.Net.Sockets;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CultureHealth.Messaging.Data;

/// <summary>
/// Tells "the database is away" (refused or dropped connections, a server shutting down or out of
/// connections, a connect or command timeout) from every other database error, and sets how long
/// a request may wait for it.
/// </summary>
public static class DatabaseAvailability
{
    /// <summary>Opening a connection (or waiting for one from a full pool) gives up after this.</summary>
    public const int ConnectTimeoutSeconds = 5;

    /// <summary>One statement gives up after this; a request never holds its thread much longer.</summary>
    public const int CommandTimeoutSeconds = 15;

    /// <summary>Migrations may rewrite large tables; they get longer than a request's statement.</summary>
    public static readonly TimeSpan MigrationCommandTimeout = TimeSpan.FromMinutes(10);

    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return IsUnavailableState(postgres.SqlState);
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is SocketException or TimeoutException or IOException:
                    return true;
            }
        }
        return false;
    }

    /// <summary>Connection exceptions (08), insufficient resources (53), and the server shutting down or starting (57P0x).</summary>
    private static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;

    /// <summary>
    /// The service's connection string with our timeouts, unless it sets its own
    /// (Npgsql's defaults, 15 s to connect and 30 s per statement, let an outage pile requests up).
    /// </summary>
    public static string WithTimeouts(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Timeout"))
        {
            builder.Timeout = ConnectTimeoutSeconds;
        }
        if (!given.ContainsKey("Command Timeout") && !given.ContainsKey("CommandTimeout"))
        {
            builder.CommandTimeout = CommandTimeoutSeconds;
        }
        return builder.ConnectionString;
    }
}

/// <summary>Answers a request whose database is away with 503, Retry-After and the database-unavailable problem type.</summary>
internal sealed partial class DatabaseUnavailableExceptionHandler(ILogger<DatabaseUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseAvailability.IsUnavailable(exception))
        {
            return false;
        }
        LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        return await DependencyUnavailable.TryWriteAsync(httpContext, DependencyUnavailable.DatabaseProblem());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable for {Method} {Path}: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string reason);
}
