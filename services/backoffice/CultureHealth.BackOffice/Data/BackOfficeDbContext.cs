using CultureHealth.BackOffice.Sessions;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.BackOffice.Data;

/// <summary>The back office's own database: only the sessions of signed-in staff (everything else is admin's).</summary>
public sealed class BackOfficeDbContext(DbContextOptions<BackOfficeDbContext> options) : DbContext(options)
{
    public DbSet<StaffSession> Sessions => Set<StaffSession>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var session = modelBuilder.Entity<StaffSession>();
        session.ToTable("staff_sessions");
        session.HasKey(s => s.IdHash);
        session.Property(s => s.IdHash).HasMaxLength(64);
        session.Property(s => s.Email).HasMaxLength(254);
        session.Property(s => s.Name).HasMaxLength(120);
        session.Property(s => s.AntiforgeryToken).HasMaxLength(64);
        session.HasIndex(s => s.StaffId);
        session.HasIndex(s => s.LastSeenAt);
    }
}
