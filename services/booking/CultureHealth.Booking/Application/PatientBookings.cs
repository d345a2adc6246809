using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CultureHealth.Booking.Application;

/// <summary><see cref="Upcoming"/>: soonest first; <see cref="Past"/>: latest first, at most <see cref="PatientBookings.PastShown"/>.</summary>
public sealed record MyBookings(string Email, IReadOnlyList<BookingDto> Upcoming, IReadOnlyList<BookingDto> Past);

/// <summary>
/// A signed-in patient's own bookings: every booking made for the address their token proves, as a guest or signed
/// in, compared after the same normalization as everywhere (trimmed, lower case). Never by an id from the request.
/// </summary>
public sealed class PatientBookings(BookingDbContext db, IOptions<BookingOptions> options, TimeProvider clock)
{
    public const int PastShown = 50;

    /// <summary>
    /// The bookings made for <paramref name="normalisedEmail"/> (already trimmed and lower case). EF writes this comparison
    /// as <c>lower(btrim(patient_email, E' \t\n\r'))</c>, the expression the index of migration PatientEmailLookupIndex covers:
    /// change one and the other must follow (PatientAccountTests reads the plan).
    /// </summary>
    public static IQueryable<PatientBooking> MadeFor(BookingDbContext db, string normalisedEmail) =>
        db.Bookings.Where(b => b.PatientEmail.Trim().ToLower() == normalisedEmail);

    public async Task<MyBookings> ForAsync(string verifiedEmail, CancellationToken ct)
    {
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var rows = await (
            from b in MadeFor(db, verifiedEmail).AsNoTracking()
            join p in db.Practitioners on b.PractitionerId equals p.Id
            join t in db.AppointmentTypes on b.AppointmentTypeId equals t.Id
            select new { Booking = b, PractitionerName = p.Name, TypeName = t.Name }).ToListAsync(ct);
        var policy = options.Value.CancellationPolicy;
        var views = rows.Select(r => (r.Booking, Dto: r.Booking.ToDto(r.PractitionerName, r.TypeName, policy))).ToList();
        // Upcoming: still to happen and still holding its time; everything else (attended, missed, cancelled, lapsed) is history.
        var upcoming = views.Where(v => v.Booking.End > now && v.Booking.Status.HoldsTheDiary())
            .OrderBy(v => v.Booking.Start).Select(v => v.Dto).ToList();
        var past = views.Where(v => !(v.Booking.End > now && v.Booking.Status.HoldsTheDiary()))
            .OrderByDescending(v => v.Booking.Start).Take(PastShown).Select(v => v.Dto).ToList();
        return new MyBookings(verifiedEmail, upcoming, past);
    }
}
