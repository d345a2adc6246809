using CultureHealth.Admin.Dashboard;
using CultureHealth.Admin.Domain;
using CultureHealth.Messaging.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Admin.Data;

public sealed class AdminDbContext(DbContextOptions<AdminDbContext> options) : DbContext(options)
{
    public DbSet<StaffUser> StaffUsers => Set<StaffUser>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    public DbSet<DashboardBooking> DashboardBookings => Set<DashboardBooking>();
    public DbSet<DashboardComment> DashboardComments => Set<DashboardComment>();
    public DbSet<DashboardOrder> DashboardOrders => Set<DashboardOrder>();
    public DbSet<RevenueEntry> Revenue => Set<RevenueEntry>();
    public DbSet<LowStockAlert> LowStock => Set<LowStockAlert>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddDashboardReadModel();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AdminDbContext).Assembly);
    }
}
