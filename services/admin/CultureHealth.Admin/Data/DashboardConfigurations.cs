using CultureHealth.Admin.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Admin.Data;

internal static class DashboardModel
{
    public static ModelBuilder AddDashboardReadModel(this ModelBuilder model)
    {
        model.Entity<DashboardBooking>(e =>
        {
            e.ToTable("dashboard_bookings");
            e.HasKey(b => b.BookingId);
            e.HasIndex(b => b.Start);
            e.Property(b => b.Status).HasMaxLength(20);
        });
        model.Entity<DashboardComment>(e =>
        {
            e.ToTable("dashboard_comments");
            e.HasKey(c => c.CommentId);
            e.HasIndex(c => c.Status);
            e.Property(c => c.Status).HasMaxLength(20);
        });
        model.Entity<DashboardOrder>(e =>
        {
            e.ToTable("dashboard_orders");
            e.HasKey(o => o.OrderId);
            e.HasIndex(o => o.Status);
            e.Property(o => o.Status).HasMaxLength(20);
        });
        model.Entity<RevenueEntry>(e =>
        {
            e.ToTable("dashboard_revenue");
            e.HasKey(r => r.EventId);
            e.HasIndex(r => r.At);
        });
        model.Entity<LowStockAlert>(e =>
        {
            e.ToTable("dashboard_low_stock");
            e.HasKey(s => s.ProductId);
        });
        return model;
    }
}
