using System.Security.Cryptography;
using System.Text;
using CultureHealth.Booking.Data;
using CultureHealth.Calendar;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CultureHealth.Booking.Application;

/// <summary>
/// The hold a guest's booking takes while it waits for the emailed link. Caps on open holds per address and
/// per client keep one person from filling the diary with bookings nobody will confirm.
/// </summary>
public sealed partial class PendingHolds(
    BookingDbContext db,
    EventSecrets secrets,
    IOptions<GuestBookingOptions> options,
    ILogger<PendingHolds> logger)
{
    private GuestBookingOptions Options => options.Value;

    /// <summary>
    /// In the caller's transaction (the booking is being inserted): checks the caps under advisory locks on the
    /// address and the client, so parallel requests queue instead of all slipping under a cap; then records the
    /// hold and asks notifications to email the link, the manage token sealed inside the event.
    /// </summary>
    public async Task HoldAsync(PatientBooking booking, string practitionerName, string typeName, string manageToken, string clientAddress,
        Instant now, CancellationToken ct)
    {
        var o = Options;
        var email = BookingRequester.Normalize(booking.PatientEmail);
        await db.LockForTransactionAsync(LockKey("pending-email:" + email), ct);
        await db.LockForTransactionAsync(LockKey("pending-client:" + clientAddress), ct);
        var byEmail = await db.PendingConfirmations.Where(p => p.Email == email && p.ExpiresAt > now).Select(p => p.ExpiresAt).ToListAsync(ct);
        if (byEmail.Count >= o.MaxPendingPerEmail)
        {
            LogCapped(logger, "email");
            throw GuestBookingProblems.TooManyPending(forEmail: true, byEmail.Count, byEmail.Min() - now);
        }

        var byClient = await db.PendingConfirmations.Where(p => p.ClientAddress == clientAddress && p.ExpiresAt > now).Select(p => p.ExpiresAt).ToListAsync(ct);
        if (byClient.Count >= o.MaxPendingPerClientAddress)
        {
            LogCapped(logger, "client");
            throw GuestBookingProblems.TooManyPending(forEmail: false, byClient.Count, byClient.Min() - now);
        }

        var confirmBy = now + Duration.FromTimeSpan(o.PendingHold);
        db.PendingConfirmations.Add(new PendingConfirmation { BookingId = booking.Id, Email = email, ClientAddress = clientAddress, ExpiresAt = confirmBy });
        var occurredAt = now.ToDateTimeOffset();
        db.PublishOnCommit(new BookingConfirmationRequested(
            Guid.NewGuid(), occurredAt, booking.Id, booking.PractitionerId, practitionerName, booking.AppointmentTypeId, typeName,
            booking.Start.ToClinicTime(), booking.End.ToClinicTime(), booking.PatientName, booking.PatientEmail,
            confirmBy.ToClinicTime(), secrets.Seal(manageToken)), occurredAt);
    }

    /// <summary>When the hold of a pending booking runs out; null once it is no longer pending.</summary>
    public async Task<DateTimeOffset?> ConfirmByAsync(Guid bookingId, CancellationToken ct)
    {
        var expiresAt = await db.PendingConfirmations.AsNoTracking()
            .Where(p => p.BookingId == bookingId).Select(p => (Instant?)p.ExpiresAt).FirstOrDefaultAsync(ct);
        return expiresAt?.ToClinicTime();
    }

    /// <summary>An advisory lock key for a text (an address), folded from its SHA-256.</summary>
    internal static long LockKey(string text) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a booking: too many unconfirmed bookings for one {Scope}")]
    private static partial void LogCapped(ILogger logger, string scope);

}
