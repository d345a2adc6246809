using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Calendar;
using NodaTime;
using NodaTime.Text;

namespace CultureHealth.Booking.Application;

/// <summary>
/// A waitlist entry as its patient sees it. <see cref="Offer"/> is the live offer, if any (never its token, which goes
/// by email only). Dates are clinic-local (yyyy-MM-dd), times clinic-local starts (HH:mm), days lower-case English.
/// </summary>
public sealed record WaitlistEntryDto(
    Guid Id,
    string Status,
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
    Guid? BookingId,
    WaitlistOfferSummary? Offer);

public sealed record WaitlistOfferSummary(Guid Id, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset HoldUntil);

/// <summary>An offered slot, as the holder of its emailed link sees it; <c>status</c> is live, taken, lapsed or withdrawn.</summary>
public sealed record WaitlistOfferDto(
    Guid Id,
    string Status,
    Guid AppointmentTypeId,
    string AppointmentTypeName,
    Guid PractitionerId,
    string PractitionerName,
    DateTimeOffset Start,
    DateTimeOffset End,
    DateTimeOffset HoldUntil,
    Guid? BookingId);

/// <summary>A request to join the waitlist whose fields are individually valid.</summary>
public sealed record NewWaitlistEntry(
    Guid AppointmentTypeId, Guid? PractitionerId, WaitlistWish Wish, string PatientName, string? PatientPhone);

public static class WaitlistText
{
    public static string Day(IsoDayOfWeek day) => day.ToString().ToLowerInvariant();

    public static bool TryParseDay(string? text, out IsoDayOfWeek day)
    {
        day = Enum.GetValues<IsoDayOfWeek>().FirstOrDefault(d => d != IsoDayOfWeek.None && string.Equals(Day(d), text?.Trim(), StringComparison.OrdinalIgnoreCase));
        return day != IsoDayOfWeek.None;
    }

    internal static WaitlistEntryDto ToDto(this WaitlistEntry e, string typeName, string? practitionerName, WaitlistOffer? offer) => new(
        e.Id, e.Status, e.AppointmentTypeId, typeName, e.PractitionerId, practitionerName,
        LocalDatePattern.Iso.Format(e.FromDate), LocalDatePattern.Iso.Format(e.ToDate),
        [.. e.Wish().Days.Select(Day)],
        ClinicTimeText.Format(e.EarliestStart), ClinicTimeText.Format(e.LatestStart),
        e.JoinedAt.ToClinicTime(), e.BookingId,
        offer is null ? null : new WaitlistOfferSummary(offer.Id, offer.Start.ToClinicTime(), offer.End.ToClinicTime(), offer.ExpiresAt.ToClinicTime()));

    internal static WaitlistWish Wish(this WaitlistEntry e) => new(e.FromDate, e.ToDate, e.Weekdays, e.EarliestStart, e.LatestStart);
}
