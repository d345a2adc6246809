using CultureHealth.BackOffice.Sessions;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.BackOffice.Data;

/// <summary>The back office's own database: only the sessions of signed-in staff (everything else is admin's).</summary>
public sealed class BackOfficeDbContext(DbContextOptions<BackOfficeDbContext> options) : DbContext(options)
{
    public DbSet<StaffSession> Sessions => Set<StaffSession>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BackOfficeDbContext).Assembly);
    }
}
