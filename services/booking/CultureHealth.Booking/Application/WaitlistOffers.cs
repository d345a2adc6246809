using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Booking.Telemetry;
using CultureHealth.Calendar;
using CultureHealth.Messaging.Idempotency;
using CultureHealth.ServiceDefaults.Secrets;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.Booking.Application;

/// <summary>
/// An offered slot, seen and taken by whoever holds the offer's emailed link (its token proves the waiting patient's
/// mailbox, as a booking's confirm link does). Taking it books through <see cref="BookingCreation"/>, the one path every
/// booking takes, so the exclusion constraint (and anything else that path checks) still decides.
/// </summary>
public sealed partial class WaitlistOffers(
    BookingDbContext db, BookingCreation bookings, TimeProvider clock, BookingMetrics metrics, ILogger<WaitlistOffers> logger)
{
    /// <summary>Where the offer's Idempotency record counts: one per offer, keyed by the offer's own token.</summary>
    public const string TakeOperation = "booking.waitlist-offer";

    public async Task<WaitlistOfferDto> ViewAsync(Guid offerId, string? token, CancellationToken ct)
    {
        var offer = await RequireAsync(offerId, token, ct);
        var names = await (
            from p in db.Practitioners
            join t in db.AppointmentTypes on offer.AppointmentTypeId equals t.Id
            where p.Id == offer.PractitionerId
            select new { Practitioner = p.Name, Type = t.Name }).FirstAsync(ct);
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        // A live offer past its hold is over for the patient even before the sweeper has passed it on.
        var status = offer.Status == WaitlistOfferStatuses.Live && offer.ExpiresAt <= now ? WaitlistOfferStatuses.Lapsed : offer.Status;
        return new WaitlistOfferDto(offer.Id, status, offer.AppointmentTypeId, names.Type, offer.PractitionerId, names.Practitioner,
            offer.Start.ToClinicTime(), offer.End.ToClinicTime(), offer.ExpiresAt.ToClinicTime(), offer.BookingId);
    }

    /// <summary>
    /// Books the offered slot for the waiting patient, confirmed at once (the link proved their address), and returns
    /// the booking with its manage token. A second click answers with the same booking; an offer that ended is 409.
    /// </summary>
    public async Task<BookingCreated> TakeAsync(Guid offerId, string? token, CancellationToken ct)
    {
        var offer = await RequireAsync(offerId, token, ct);
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var open = offer.Status == WaitlistOfferStatuses.Live && offer.ExpiresAt > now;
        if (!open && offer.Status != WaitlistOfferStatuses.Taken)
        {
            throw WaitlistProblems.OfferExpired();
        }

        var entry = await db.WaitlistEntries.AsNoTracking().FirstAsync(e => e.Id == offer.EntryId, ct);
        var request = new NewBooking(offer.AppointmentTypeId, offer.PractitionerId, offer.Start, entry.PatientName, entry.Email,
            entry.PatientPhone, Notes: null, UseCredit: false);
        // The offer's token is the Idempotency-Key: a double click (or a retry) replays the booking the first made.
        IdempotencyKey.TryParse(token, out var key);
        var idempotent = new IdempotentRequest(key!, IdempotencyScope.For(TakeOperation, null), offer.Id.ToString("N"));
        var created = await bookings.CreateAsync(request, idempotent, BookingAdmission.TakingOffer(offer.Id, offer.RoomId), ct);
        if (open)
        {
            metrics.WaitlistOfferClosed(WaitlistOfferStatuses.Taken);
            LogTaken(logger, offer.Id, created.Booking.Id);
        }

        return created;
    }

    /// <summary>The offer if <paramref name="token"/> is its token; otherwise 404, the same for an unknown id.</summary>
    private async Task<WaitlistOffer> RequireAsync(Guid offerId, string? token, CancellationToken ct)
    {
        var offer = await db.WaitlistOffers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId, ct);
        return SecretToken.Verify(token, offer?.TokenHash ?? SecretToken.Unmatchable) && offer is not null
            ? offer
            : throw WaitlistProblems.OfferNotFound();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waitlist offer {OfferId} taken as booking {BookingId}")]
    private static partial void LogTaken(ILogger logger, Guid offerId, Guid bookingId);
}
