using System.Security.Claims;
using CultureHealth.Booking.Data;
using CultureHealth.Calendar;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;

namespace CultureHealth.Booking.Application;

/// <summary>
/// A waiting patient as the reception desk and practitioners see them: who (name, email, phone), what they asked for
/// (the appointment type, a practitioner or any, the dates, weekdays and start times that suit) and when they joined;
/// <see cref="Offer"/> is the slot held for them now, if any.
/// </summary>
public sealed record StaffWaitlistEntryDto(
    Guid Id,
    string PatientName,
    string PatientEmail,
    string? PatientPhone,
    Guid AppointmentTypeId,
    string AppointmentTypeName,
    Guid? PractitionerId,
    string? PractitionerName,
    string FromDate,
    string ToDate,
    IReadOnlyList<string> Days,
    string EarliestStart,
    string LatestStart,
    DateTimeOffset JoinedAt,
    StaffWaitlistOfferDto? Offer);

/// <summary>A live offer: the time held, with whom, and when the hold ends (then the slot passes to the next waiter).</summary>
public sealed record StaffWaitlistOfferDto(
    Guid Id, DateTimeOffset Start, DateTimeOffset End, Guid PractitionerId, string PractitionerName, DateTimeOffset HoldUntil);

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
                Offer = db.WaitlistOffers.FirstOrDefault(o => o.EntryId == e.Id && o.Status == WaitlistOfferStatuses.Live),
                OfferPractitionerName = db.WaitlistOffers.Where(o => o.EntryId == e.Id && o.Status == WaitlistOfferStatuses.Live)
                    .Join(db.Practitioners, o => o.PractitionerId, p => p.Id, (o, p) => p.Name).FirstOrDefault(),
            }).Take(MaxEntries).ToListAsync(ct);
        return [.. rows.Select(r =>
        {
            var e = r.Entry;
            return new StaffWaitlistEntryDto(
                e.Id, e.PatientName, e.Email, e.PatientPhone, e.AppointmentTypeId, r.TypeName, e.PractitionerId, r.PractitionerName,
                LocalDatePattern.Iso.Format(e.FromDate), LocalDatePattern.Iso.Format(e.ToDate), [.. e.Wish().Days.Select(WaitlistText.Day)],
                ClinicTimeText.Format(e.EarliestStart), ClinicTimeText.Format(e.LatestStart), e.JoinedAt.ToClinicTime(),
                r.Offer is { } o
                    ? new StaffWaitlistOfferDto(o.Id, o.Start.ToClinicTime(), o.End.ToClinicTime(), o.PractitionerId, r.OfferPractitionerName ?? "", o.ExpiresAt.ToClinicTime())
                    : null);
        })];
    }
}
