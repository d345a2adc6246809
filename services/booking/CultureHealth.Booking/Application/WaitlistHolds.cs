using CultureHealth.Booking.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.Booking.Application;

/// <summary>
/// How a live waitlist offer holds its slot against everyone but its patient. The offer row is the hold:
/// availability counts it as busy (DiaryReader), and every diary write checks it here inside its transaction, after
/// taking the practitioner's advisory lock, which the matcher also holds while it makes an offer. So a booking and
/// an offer for the same time are serialised: whichever commits first, the other sees it. (The bookings exclusion
/// constraint cannot see another table; the lock is what makes the check and the insert one step.)
/// </summary>
public static class WaitlistHolds
{
    /// <summary>
    /// In the caller's transaction, under the practitioner's advisory lock: claims <paramref name="offerId"/> for
    /// <paramref name="bookingId"/> when the booking takes an offer (refused once the hold ran out), then refuses if
    /// any other live offer holds part of <paramref name="footprint"/>.
    /// </summary>
    public static async Task ClaimOrGuardAsync(
        BookingDbContext db, Guid practitionerId, Interval footprint, Guid? offerId, Guid bookingId, Instant now, CancellationToken ct)
    {
        if (offerId is { } id)
        {
            var claimed = await db.WaitlistOffers
                .Where(o => o.Id == id && o.Status == WaitlistOfferStatuses.Live && o.ExpiresAt > now && o.PractitionerId == practitionerId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.Status, WaitlistOfferStatuses.Taken)
                    .SetProperty(o => o.BookingId, bookingId)
                    .SetProperty(o => o.ClosedAt, now), ct);
            if (claimed == 0)
            {
                throw WaitlistProblems.OfferExpired();
            }

            await db.WaitlistEntries
                .Where(e => db.WaitlistOffers.Any(o => o.Id == id && o.EntryId == e.Id))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.Status, WaitlistStatuses.Booked)
                    .SetProperty(e => e.BookingId, bookingId)
                    .SetProperty(e => e.UpdatedAt, now), ct);
        }

        if (await IsHeldAsync(db, practitionerId, footprint, offerId, ct))
        {
            throw BookingProblems.SlotTaken();
        }
    }

    /// <summary>Whether a live offer other than <paramref name="exceptOfferId"/> holds part of the footprint.</summary>
    public static Task<bool> IsHeldAsync(BookingDbContext db, Guid practitionerId, Interval footprint, Guid? exceptOfferId, CancellationToken ct) =>
        db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (
                SELECT 1 FROM waitlist_offers
                WHERE practitioner_id = {practitionerId} AND status = 'live' AND footprint && {footprint}
                  AND id <> {exceptOfferId ?? Guid.Empty}) AS "Value"
            """).SingleAsync(ct);

    /// <summary>Records diary time that became free, in the caller's transaction, for the matcher to offer to waiting patients.</summary>
    public static void RecordOpening(BookingDbContext db, Guid practitionerId, Interval span, Instant now) =>
        db.WaitlistOpenings.Add(new WaitlistOpening { PractitionerId = practitionerId, Span = span, CreatedAt = now });
}
