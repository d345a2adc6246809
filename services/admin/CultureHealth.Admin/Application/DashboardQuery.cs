using System.Security.Claims;
using CultureHealth.Admin.Data;
using CultureHealth.Admin.Domain;
using CultureHealth.Calendar;
using CultureHealth.ServiceDefaults.Auth;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Admin.Application;

public sealed record DashboardBookingDto(Guid BookingId, string PractitionerName, string AppointmentTypeName, string PatientName, DateTimeOffset Start, DateTimeOffset End, string Status);
public sealed record DashboardCommentDto(Guid CommentId, string ArticleSlug, string ArticleTitle, string AuthorName, string? Excerpt, DateTimeOffset SubmittedAt);
public sealed record DashboardOrderDto(Guid OrderId, string OrderNumber, string CustomerEmail, long TotalPence, DateTimeOffset? PaidAt);
public sealed record LowStockDto(string Sku, string Name, int Stock, int Threshold, DateTimeOffset ReportedAt);
public sealed record RevenueDto(long TodayPence, long ThisWeekPence, string Currency);

/// <summary>A section the caller's roles may not see is null (not empty), so "nothing today" and "not yours" differ.</summary>
public sealed record DashboardDto(
    DateOnly Today,
    IReadOnlyList<DashboardBookingDto>? TodaysBookings,
    IReadOnlyList<DashboardBookingDto>? TomorrowsBookings,
    IReadOnlyList<DashboardCommentDto>? CommentsAwaitingModeration,
    IReadOnlyList<DashboardOrderDto>? OrdersNeedingFulfilment,
    IReadOnlyList<LowStockDto>? LowStock,
    RevenueDto? Revenue);

/// <summary>
/// The staff's morning view, answered from admin's own read model (built from events), so it stays up when the
/// shop, booking or content service is down; shaped by role (<see cref="DashboardAccess"/>): nobody sees here
/// what their own APIs would refuse them.
/// </summary>
public sealed class DashboardQuery(AdminDbContext db, TimeProvider clock)
{
    public async Task<DashboardDto> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var access = DashboardAccess.For(user.FindAll(StaffClaims.Role).Select(c => c.Value).ToList(),
            Guid.TryParse(user.FindFirstValue(StaffClaims.PractitionerId), out var practitionerId) ? practitionerId : null);
        var today = ClinicTimeZone.Today(clock);
        var todayStart = ClinicTimeZone.StartOfDayUtc(today);
        var tomorrowStart = ClinicTimeZone.StartOfDayUtc(today.PlusDays(1));

        List<DashboardBookingDto>? diary = null;
        if (access.Diary)
        {
            var dayAfter = ClinicTimeZone.StartOfDayUtc(today.PlusDays(2));
            var bookings = db.DashboardBookings.AsNoTracking().Where(b => b.Status != "cancelled" && b.Start >= todayStart && b.Start < dayAfter);
            if (access.OwnDiaryOf is { } own)
            {
                bookings = bookings.Where(b => b.PractitionerId == own);
            }
            diary = await bookings.OrderBy(b => b.Start)
                .Select(b => new DashboardBookingDto(b.BookingId, b.PractitionerName, b.AppointmentTypeName, b.PatientName, b.Start, b.End, b.Status))
                .ToListAsync(ct);
        }

        var comments = access.Moderation
            ? await db.DashboardComments.AsNoTracking().Where(c => c.Status == "pending").OrderBy(c => c.SubmittedAt).Take(100)
                .Select(c => new DashboardCommentDto(c.CommentId, c.ArticleSlug, c.ArticleTitle, c.AuthorName, c.Excerpt, c.SubmittedAt)).ToListAsync(ct)
            : null;

        List<DashboardOrderDto>? orders = null;
        List<LowStockDto>? lowStock = null;
        RevenueDto? revenue = null;
        if (access.Shop)
        {
            var weekStart = ClinicTimeZone.StartOfDayUtc(ClinicTimeZone.StartOfWeek(today));
            orders = await db.DashboardOrders.AsNoTracking().Where(o => o.Status == "paid" && o.HasPhysicalGoods).OrderBy(o => o.PaidAt).Take(100)
                .Select(o => new DashboardOrderDto(o.OrderId, o.OrderNumber, o.CustomerEmail, o.TotalPence, o.PaidAt)).ToListAsync(ct);
            lowStock = await db.LowStock.AsNoTracking().OrderBy(s => s.Stock)
                .Select(s => new LowStockDto(s.Sku, s.Name, s.Stock, s.Threshold, s.ReportedAt)).ToListAsync(ct);
            revenue = new RevenueDto(
                await db.Revenue.Where(r => r.At >= todayStart).SumAsync(r => r.AmountPence, ct),
                await db.Revenue.Where(r => r.At >= weekStart).SumAsync(r => r.AmountPence, ct),
                "GBP");
        }

        return new DashboardDto(
            new DateOnly(today.Year, today.Month, today.Day),
            diary?.Where(b => b.Start < tomorrowStart).ToList(),
            diary?.Where(b => b.Start >= tomorrowStart).ToList(),
            comments, orders, lowStock, revenue);
    }
}
