using System.Security.Claims;
using CultureHealth.Admin.Dashboard;
using CultureHealth.Admin.Data;
using CultureHealth.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Admin.Api;

public sealed record DashboardBookingDto(Guid BookingId, string PractitionerName, string AppointmentTypeName, string PatientName, DateTimeOffset Start, DateTimeOffset End, string Status);
public sealed record DashboardCommentDto(Guid CommentId, string ArticleSlug, string ArticleTitle, string AuthorName, string? Excerpt, DateTimeOffset SubmittedAt);
public sealed record DashboardOrderDto(Guid OrderId, string OrderNumber, string CustomerEmail, long TotalPence, DateTimeOffset? PaidAt);
public sealed record LowStockDto(string Sku, string Name, int Stock, int Threshold, DateTimeOffset ReportedAt);
public sealed record RevenueDto(long TodayPence, long ThisWeekPence, string Currency);

public sealed record DashboardDto(
    DateOnly Today,
    IReadOnlyList<DashboardBookingDto> TodaysBookings,
    IReadOnlyList<DashboardBookingDto> TomorrowsBookings,
    IReadOnlyList<DashboardCommentDto> CommentsAwaitingModeration,
    IReadOnlyList<DashboardOrderDto> OrdersNeedingFulfilment,
    IReadOnlyList<LowStockDto> LowStock,
    RevenueDto Revenue);

/// <summary>
/// The staff's morning view, answered from admin's own read model (built from events), so it
/// stays up when the shop, booking or content service is down. Practitioners see only their own diary.
/// </summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/dashboard", GetDashboard).RequireAuthorization(StaffPolicies.AnyStaff).WithTags("Dashboard");
        return app;
    }

    private static async Task<Ok<DashboardDto>> GetDashboard(ClaimsPrincipal user, AdminDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = ClinicDay.Today(clock.GetUtcNow());
        var todayStart = ClinicDay.StartOf(today);
        var tomorrowStart = ClinicDay.StartOf(today.PlusDays(1));
        var dayAfter = ClinicDay.StartOf(today.PlusDays(2));
        var weekStart = ClinicDay.StartOf(ClinicDay.StartOfWeek(today));

        var bookings = db.DashboardBookings.AsNoTracking().Where(b => b.Status != "cancelled" && b.Start >= todayStart && b.Start < dayAfter);
        if (OwnDiaryOnly(user) is { } practitionerId)
        {
            bookings = bookings.Where(b => b.PractitionerId == practitionerId);
        }
        var diary = await bookings.OrderBy(b => b.Start)
            .Select(b => new DashboardBookingDto(b.BookingId, b.PractitionerName, b.AppointmentTypeName, b.PatientName, b.Start, b.End, b.Status))
            .ToListAsync(ct);

        var comments = await db.DashboardComments.AsNoTracking().Where(c => c.Status == "pending").OrderBy(c => c.SubmittedAt).Take(100)
            .Select(c => new DashboardCommentDto(c.CommentId, c.ArticleSlug, c.ArticleTitle, c.AuthorName, c.Excerpt, c.SubmittedAt)).ToListAsync(ct);
        var orders = await db.DashboardOrders.AsNoTracking().Where(o => o.Status == "paid" && o.HasPhysicalGoods).OrderBy(o => o.PaidAt).Take(100)
            .Select(o => new DashboardOrderDto(o.OrderId, o.OrderNumber, o.CustomerEmail, o.TotalPence, o.PaidAt)).ToListAsync(ct);
        var lowStock = await db.LowStock.AsNoTracking().OrderBy(s => s.Stock)
            .Select(s => new LowStockDto(s.Sku, s.Name, s.Stock, s.Threshold, s.ReportedAt)).ToListAsync(ct);
        var revenueToday = await db.Revenue.Where(r => r.At >= todayStart).SumAsync(r => r.AmountPence, ct);
        var revenueWeek = await db.Revenue.Where(r => r.At >= weekStart).SumAsync(r => r.AmountPence, ct);

        return TypedResults.Ok(new DashboardDto(
            new DateOnly(today.Year, today.Month, today.Day),
            diary.Where(b => b.Start < tomorrowStart).ToList(),
            diary.Where(b => b.Start >= tomorrowStart).ToList(),
            comments, orders, lowStock,
            new RevenueDto(revenueToday, revenueWeek, "GBP")));
    }

    /// <summary>A practitioner (without a broader role) sees their own diary only.</summary>
    private static Guid? OwnDiaryOnly(ClaimsPrincipal user)
    {
        var broader = user.IsInRole(StaffRoles.Admin) || user.IsInRole(StaffRoles.Reception);
        return !broader && user.IsInRole(StaffRoles.Practitioner)
            ? Guid.TryParse(user.FindFirstValue(StaffClaims.PractitionerId), out var id) ? id : Guid.Empty
            : null;
    }
}
