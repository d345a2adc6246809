using System.Security.Claims;
using CultureHealth.Booking.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Booking.Application;

/// <summary>
/// A waiting patient as the reception desk and practitioners see them: the entry as its patient sees it (what they asked
/// for, when they joined, the live offer if any), with who they are and with whom the offered time is.
/// </summary>
public sealed record StaffWaitlistEntryDto(
    WaitlistEntryDto Entry, string PatientName, string PatientEmail, string? PatientPhone, string? OfferPractitionerName);

/// <summary>
/// The waitlist for staff: waiting entries in join order (the order offers follow). Admin and reception see every
/// entry; a practitioner sees those that ask for them, or for any practitioner of a type they offer.
/// </summary>
public sealed class StaffWaitlist(BookingDbContext db)
{
    /// <summary>More than a clinic's waitlist ever holds; the list stays one bounded read.</summary>
    public const int MaxEntries = 500;

    public async Task<List<StaffWaitlistEntryDto>> WaitingAsync(
        ClaimsPrincipal user, Guid? appointmentTypeId, Guid? practitionerId, CancellationToken ct)
    {
        var forPractitioner = DiaryAccess.ScopeOf(user, practitionerId);
        var rows = await (
            from e in db.WaitlistEntries.AsNoTracking()
            join t in db.AppointmentTypes on e.AppointmentTypeId equals t.Id
            // An entry has at most one live offer (index ux_waitlist_offers_live_entry), so these joins add no rows.
            join o in db.WaitlistOffers.Where(o => o.Status == WaitlistOfferStatuses.Live) on e.Id equals o.EntryId into live
            from offer in live.DefaultIfEmpty()
            join p in db.Practitioners on offer!.PractitionerId equals p.Id into offeredWith
            from offerPractitioner in offeredWith.DefaultIfEmpty()
            where e.Status == WaitlistStatuses.Waiting
                && (appointmentTypeId == null || e.AppointmentTypeId == appointmentTypeId)
                && (forPractitioner == null || e.PractitionerId == forPractitioner
                    || (e.PractitionerId == null && db.Offerings.Any(o => o.PractitionerId == forPractitioner && o.AppointmentTypeId == e.AppointmentTypeId)))
            orderby e.Position
            select new
            {
                Entry = e,
                TypeName = t.Name,
                PractitionerName = db.Practitioners.Where(p => p.Id == e.PractitionerId).Select(p => p.Name).FirstOrDefault(),
                Offer = offer,
                OfferPractitionerName = offerPractitioner == null ? null : offerPractitioner.Name,
            }).Take(MaxEntries).ToListAsync(ct);
        return [.. rows.Select(r => new StaffWaitlistEntryDto(
            r.Entry.ToDto(r.TypeName, r.PractitionerName, r.Offer), r.Entry.PatientName, r.Entry.Email, r.Entry.PatientPhone,
            r.OfferPractitionerName))];
    }
}
