using System.Text;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Testing;

/// <summary>What PostgreSQL would do with a query EF builds: how a test shows that an index is the one a real query uses.</summary>
public static class QueryPlans
{
    /// <summary>Fails unless PostgreSQL would answer <paramref name="query"/> with an (bitmap) index scan on <paramref name="index"/>.</summary>
    public static async Task AssertUsesIndexAsync<T>(DbContext db, IQueryable<T> query, string index)
    {
        var plan = await ExplainAsync(db, query);
        Xunit.Assert.True(plan.Contains($"Index Scan using {index} ", StringComparison.Ordinal)
            || plan.Contains($"Bitmap Index Scan on {index} ", StringComparison.Ordinal), $"{query.ToQueryString()}\n{plan}");
    }

    /// <summary>
    /// The plan of <paramref name="query"/>'s own SQL and parameters (EF's command, not a copy of its text). Sequential scans
    /// are switched off for this connection, so a table of a few test rows still shows whether an index can answer the
    /// query at all: without a matching index the plan stays a (penalised) sequential scan.
    /// </summary>
    public static async Task<string> ExplainAsync<T>(DbContext db, IQueryable<T> query)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
            await using var command = query.CreateDbCommand();
            command.CommandText = "EXPLAIN " + command.CommandText;
            var plan = new StringBuilder();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.AppendLine(reader.GetString(0));
            }

            return plan.ToString();
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("RESET enable_seqscan");
            await db.Database.CloseConnectionAsync();
        }
    }
}
