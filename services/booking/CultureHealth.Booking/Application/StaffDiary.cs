using System.Security.Claims;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CultureHealth.Booking.Application;

/// <summary>
/// What the reception desk and practitioners read in the diary: the bookings and the working hours of some days.
/// Admin and reception see everyone; a practitioner sees only their own diary.
/// </summary>
public sealed class StaffDiary(BookingDbContext db, DiaryReader diary, IOptions<BookingOptions> options)
{
    /// <summary>
    /// The bookings (all statuses) starting on the <paramref name="days"/> clinic days from <paramref name="day"/>,
    /// for <paramref name="practitionerId"/> or everyone <paramref name="user"/> may see.
    /// </summary>
    public async Task<List<BookingDto>> BookingsAsync(ClaimsPrincipal user, Guid? practitionerId, LocalDate day, int days, CancellationToken ct)
    {
        // A practitioner asking for "everyone" gets their own diary, the only one they may see.
        practitionerId = DiaryAccess.ScopeOf(user, practitionerId);
        var dayStart = ClinicTimeZone.StartOfDay(day);
        var dayEnd = ClinicTimeZone.StartOfDay(day.PlusDays(days));
        var rows = await (
            from b in db.Bookings.AsNoTracking()
            join p in db.Practitioners on b.PractitionerId equals p.Id
            join t in db.AppointmentTypes on b.AppointmentTypeId equals t.Id
            where b.Start >= dayStart && b.Start < dayEnd && (practitionerId == null || b.PractitionerId == practitionerId)
            orderby b.Start, p.Name
            select new { Booking = b, PractitionerName = p.Name, TypeName = t.Name }).ToListAsync(ct);
        var policy = options.Value.CancellationPolicy;
        return [.. rows.Select(r => r.Booking.ToDto(r.PractitionerName, r.TypeName, policy))];
    }

    /// <summary>
    /// When each practitioner works on the <paramref name="days"/> clinic days from <paramref name="from"/> (for the diary to
    /// shade working time, time off and closures): <paramref name="practitionerId"/>, or everyone <paramref name="user"/> may see.
    /// </summary>
    public async Task<List<WorkingHoursDto>> WorkingHoursAsync(
        ClaimsPrincipal user, Guid? practitionerId, LocalDate from, int days, CancellationToken ct)
    {
        if (practitionerId is { } requested)
        {
            DiaryAccess.Require(user, requested);
        }
        var ids = practitionerId is { } one ? [one]
            : DiaryAccess.MayManage(user, Guid.Empty) ? await db.Practitioners.AsNoTracking().Select(p => p.Id).ToListAsync(ct)
            : DiaryAccess.OwnPractitionerId(user) is { } own ? [own] : [];
        var workingDays = await diary.WorkingDaysAsync(ids, from, from.PlusDays(days - 1), ct);
        return [.. workingDays.Select(d => new WorkingHoursDto(
            d.PractitionerId, ClinicTimeText.Format(d.Date), d.ClinicClosed,
            [.. d.Intervals.Select(i => new IntervalDto(null, ClinicTimeText.Format(i.Start), ClinicTimeText.Format(i.End)))],
            [.. d.TimeOff.Select(t => new TimeOffDto(Guid.Empty, t.Start.ToClinicTime(), t.End.ToClinicTime(), null))]))];
    }
}
