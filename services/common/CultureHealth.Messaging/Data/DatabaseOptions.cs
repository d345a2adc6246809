namespace CultureHealth.Messaging.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply EF Core migrations when the service starts. Turn off where a migration job runs them.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// Migrate (and seed, if asked), then stop the process with exit code 0: the service's own image run as a
    /// migration job before a roll-out, so replicas started with <see cref="MigrateOnStartup"/> off never race
    /// each other over the schema. A failed migration ends the process with a non-zero code.
    /// </summary>
    public bool MigrateAndExit { get; set; }

    /// <summary>Load the demo catalogue, articles and diary (local runs only).</summary>
    public bool SeedDemoData { get; set; }
}

/// <summary>A service's demo data; must be safe to run on every start (insert only what is missing).</summary>
public interface IDemoDataSeeder<TDbContext>
{
    Task SeedAsync(TDbContext db, CancellationToken cancellationToken);
}
