using System.Collections.Concurrent;
using CultureHealth.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CultureHealth.Testing;

/// <summary>
/// Gives each test class a database of its own, copied from a template that was migrated once per
/// test process, so tests run in parallel without the cost of migrating for each.
/// </summary>
public static class ServiceDatabases
{
    private static readonly ConcurrentDictionary<(PostgresServer, Type), Lazy<Task<string>>> Templates = new();
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> TemplateLocks = new();

    public static async Task<string> CreateAsync<TDbContext>(string service) where TDbContext : DbContext =>
        await CreateAsync<TDbContext>(service, await PostgresServer.SharedAsync());

    /// <summary>The same on a server of the caller's choosing (a private one a test will stop).</summary>
    public static async Task<string> CreateAsync<TDbContext>(string service, PostgresServer server) where TDbContext : DbContext
    {
        var template = await Templates.GetOrAdd((server, typeof(TDbContext)),
            _ => new Lazy<Task<string>>(() => MigrateTemplateAsync<TDbContext>(server, service))).Value;

        var name = $"{service}_{Guid.NewGuid():N}"[..Math.Min(service.Length + 17, 60)];
        var gate = TemplateLocks.GetOrAdd(template, _ => new SemaphoreSlim(1, 1));
        // PostgreSQL copies a template only while nobody else is connected to it, a copy included.
        await gate.WaitAsync();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await server.CreateDatabaseAsync(name, template);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt));
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<string> MigrateTemplateAsync<TDbContext>(PostgresServer server, string service) where TDbContext : DbContext
    {
        var name = $"tmpl_{service}_{Guid.NewGuid():N}"[..Math.Min(service.Length + 14, 60)];
        var connectionString = await server.CreateDatabaseAsync(name);
        // No pooling: a pooled idle connection would keep the template "in use" and block every copy.
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        var options = new DbContextOptionsBuilder<TDbContext>().UseServiceConventions(unpooled).Options;
        await using (var db = (TDbContext)Activator.CreateInstance(typeof(TDbContext), options)!)
        {
            await db.Database.MigrateAsync();
        }
        return name;
    }

    /// <summary>Opens a context on a test database, for arranging data and asserting on it.</summary>
    public static TDbContext Open<TDbContext>(string connectionString) where TDbContext : DbContext
    {
        var options = new DbContextOptionsBuilder<TDbContext>().UseServiceConventions(connectionString).Options;
        return (TDbContext)Activator.CreateInstance(typeof(TDbContext), options)!;
    }
}
