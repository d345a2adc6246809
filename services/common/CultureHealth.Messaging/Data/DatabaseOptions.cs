namespace CultureHealth.Messaging.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply EF Core migrations when the service starts. Turn off where a migration job runs them.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Load the demo catalogue, articles and diary (local runs only).</summary>
    public bool SeedDemoData { get; set; }
}

/// <summary>A service's demo data; must be safe to run on every start (insert only what is missing).</summary>
public interface IDemoDataSeeder<TDbContext>
{
    Task SeedAsync(TDbContext db, CancellationToken cancellationToken);
}
