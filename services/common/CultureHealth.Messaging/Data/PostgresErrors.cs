using Npgsql;

namespace CultureHealth.Messaging.Data;

/// <summary>
/// Names the PostgreSQL errors a use case answers on purpose (a duplicate, a clash, a lost race), so no
/// service compares SQLSTATE strings itself. Each check walks the inner exceptions, because EF wraps
/// the server's error in a <c>DbUpdateException</c> while raw commands throw it bare.
/// </summary>
public static class PostgresErrors
{
    /// <summary>The SQLSTATE of the first PostgreSQL error in the chain, or null when the server raised none.</summary>
    public static string? SqlStateOf(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is PostgresException postgres)
            {
                return postgres.SqlState;
            }
        }

        return null;
    }

    /// <summary>A unique index refused the row (23505): the thing already exists.</summary>
    public static bool IsUniqueViolation(Exception exception) => SqlStateOf(exception) == PostgresErrorCodes.UniqueViolation;

    /// <summary>An exclusion constraint refused the row (23P01): it overlaps one already there.</summary>
    public static bool IsExclusionViolation(Exception exception) => SqlStateOf(exception) == PostgresErrorCodes.ExclusionViolation;

    /// <summary>A lock wait gave up (lock_timeout, 55P03) or PostgreSQL broke a deadlock (40P01): the transaction was rolled back whole.</summary>
    public static bool IsLockContention(Exception exception) =>
        SqlStateOf(exception) is PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected;

    /// <summary>A serializable transaction lost to a concurrent one (40001) and may be retried from the start.</summary>
    public static bool IsSerializationFailure(Exception exception) => SqlStateOf(exception) == PostgresErrorCodes.SerializationFailure;
}
