using System.Diagnostics;
using CultureHealth.Booking.Data;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Operations.Tests;

/// <summary>
/// The Kubernetes migration Job runs a service's own image with Database__MigrateAndExit=true: the process
/// must migrate its database and end by itself, with exit code 0 on success and non-zero on failure.
/// </summary>
public sealed class MigrationJobTests
{
    [Fact]
    public async Task Migrate_and_exit_migrates_an_empty_database_and_ends_with_success()
    {
        var server = await PostgresServer.SharedAsync();
        var database = await server.CreateDatabaseAsync("job_" + Guid.NewGuid().ToString("N")[..12]);

        var (exitCode, output) = await RunBookingAsync(database);

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{output}");
        await using var db = ServiceDatabases.Open<BookingDbContext>(database);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Migrate_and_exit_fails_the_job_when_the_database_cannot_be_migrated()
    {
        // A table in the way of the first migration: what a hand-made change in production would look like.
        var server = await PostgresServer.SharedAsync();
        var database = await server.CreateDatabaseAsync("job_" + Guid.NewGuid().ToString("N")[..12]);
        await using (var db = ServiceDatabases.Open<BookingDbContext>(database))
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE practitioners (in_the_way int)");
        }

        var (exitCode, output) = await RunBookingAsync(database);

        Assert.True(exitCode != 0, "a failed migration must fail the job\n" + output);
    }

    private static async Task<(int ExitCode, string Output)> RunBookingAsync(string database)
    {
        var broker = await RabbitMqServer.SharedAsync();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CultureHealth.Booking.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Database__MigrateAndExit"] = "true";
        start.Environment["ConnectionStrings__booking"] = database;
        start.Environment["ConnectionStrings__rabbitmq"] = $"amqp://guest:guest@{broker.Host}:{broker.Port}/";
        foreach (var (key, value) in TestStaff.Settings.Concat(TestSecrets.Settings))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The migration process did not exit by itself:\n" + await stdout + await stderr);
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
