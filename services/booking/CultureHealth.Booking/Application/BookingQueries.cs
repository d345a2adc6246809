using CultureHealth.Booking.Data;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.ServiceDefaults.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Booking.Application;

/// <summary>
/// Reading one booking: as the patient with its manage token or a patient token for the booking's address (the
/// signed-in owner, from "My account"), or as the service after a change.
/// </summary>
public sealed class BookingQueries(BookingDbContext db, IOptions<BookingOptions> options)
{
    /// <summary>
    /// The booking if <paramref name="token"/> is its manage token or <paramref name="verifiedEmail"/> (a patient
    /// token's address) is the booking's; otherwise 404, so ids reveal nothing.
    /// </summary>
    public async Task<BookingDto> ViewForPatientAsync(Guid id, string? token, string? verifiedEmail, CancellationToken ct)
    {
        await RequirePatientAsync(id, token, verifiedEmail, ct);
        return await ViewAsync(id, ct);
    }

    public async Task<BookingDto> ViewAsync(Guid id, CancellationToken ct)
    {
        var row = await (
            from b in db.Bookings.AsNoTracking()
            join p in db.Practitioners on b.PractitionerId equals p.Id
            join t in db.AppointmentTypes on b.AppointmentTypeId equals t.Id
            where b.Id == id
            select new { Booking = b, PractitionerName = p.Name, TypeName = t.Name }).FirstOrDefaultAsync(ct)
            ?? throw ProblemException.NotFound("The booking");
        return row.Booking.ToDto(row.PractitionerName, row.TypeName, options.Value.CancellationPolicy);
    }

    public async Task<PatientBooking> RequirePatientAsync(Guid id, string? token, string? verifiedEmail, CancellationToken ct)
    {
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        return booking is not null && (SecretToken.Verify(token, booking.ManageTokenHash) || IsOwner(booking, verifiedEmail))
            ? booking
            : throw ProblemException.NotFound("The booking");
    }

    /// <summary>A patient token proves the address; the booking is theirs when it was made for that address (as a guest too).</summary>
    private static bool IsOwner(PatientBooking booking, string? verifiedEmail) =>
        verifiedEmail is not null && string.Equals(BookingRequester.Normalize(booking.PatientEmail), verifiedEmail, StringComparison.Ordinal);
}
