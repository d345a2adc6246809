using System.ComponentModel;

namespace CultureHealth.Storefront.Api;

// The booking service's public shapes, as its API sends them (camelCase JSON; times ISO 8601 in clinic offset).

[ImmutableObject(true)]
public sealed record Money(long Amount, string Currency);

/// <summary>What can be booked; <see cref="PractitionerIds"/> are the practitioners who offer it.</summary>
[ImmutableObject(true)]
public sealed record AppointmentType(
    Guid Id, string Code, string Name, string? Description, int DurationMinutes, Money Price,
    bool CreditsCanPay = false, IReadOnlyList<Guid>? PractitionerIds = null);

[ImmutableObject(true)]
public sealed record Practitioner(Guid Id, string Name, string Title, IReadOnlyList<string> Specialisms, string? Bio, string? PhotoUrl);

public sealed record Slot(DateTimeOffset Start, DateTimeOffset End);

public sealed record PractitionerSlots(Guid PractitionerId, string PractitionerName, IReadOnlyList<Slot> Slots);

/// <summary>Free slots per practitioner; <see cref="From"/>/<see cref="To"/> are clinic dates (inclusive).</summary>
public sealed record Availability(Guid AppointmentTypeId, int DurationMinutes, string From, string To, IReadOnlyList<PractitionerSlots> Practitioners);

public sealed record PatientDetails(string? Name, string? Email, string? Phone);

/// <summary>A booking as its patient sees it (with the manage token).</summary>
public sealed record Appointment(
    Guid Id,
    string Status,
    Guid PractitionerId,
    string PractitionerName,
    Guid AppointmentTypeId,
    string AppointmentTypeName,
    DateTimeOffset Start,
    DateTimeOffset End,
    Money Price,
    string PaidBy,
    PatientDetails Patient,
    string? Notes,
    int Sequence,
    DateTimeOffset FreeCancellationUntil)
{
    public bool IsPending => Status == BookingStatuses.Pending;
    public bool IsConfirmed => Status == BookingStatuses.Confirmed;
    public bool IsPaidByCredit => PaidBy == "credit";
}

public static class BookingStatuses
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";
    public const string Completed = "completed";
    public const string NoShow = "no_show";
}

/// <summary>
/// The reply to a new booking. A guest's is <c>pending</c> with <see cref="ConfirmBy"/> and no manage token (the
/// emailed link confirms it); with a patient token for the address it is confirmed, and carries the manage token
/// unless a session credit paid for it (then the link goes by email only).
/// </summary>
public sealed record BookingCreated(Appointment Booking, string? ManageToken, DateTimeOffset? ConfirmBy);

/// <summary>What the details form sends.</summary>
public sealed record BookingRequest(Guid AppointmentTypeId, Guid PractitionerId, DateTimeOffset Start, PatientDetails Patient, string? Notes, bool UseCredit);

public sealed record CreditBalance(string AppointmentTypeCode, int Remaining, int Granted, string OrderNumber);

/// <summary>The session credits of the address a patient token proves.</summary>
public sealed record Credits(string Email, int TotalRemaining, IReadOnlyList<CreditBalance> Grants)
{
    public int RemainingFor(string appointmentTypeCode) =>
        Grants.Where(g => g.AppointmentTypeCode == appointmentTypeCode).Sum(g => g.Remaining);
}

/// <summary>A waitlist entry of the signed-in patient; dates yyyy-MM-dd, times HH:mm (clinic time), days lower-case English.</summary>
public sealed record WaitlistEntry(
    Guid Id, string Status, Guid AppointmentTypeId, string AppointmentTypeName, Guid? PractitionerId, string? PractitionerName,
    string FromDate, string ToDate, IReadOnlyList<string> Days, string EarliestStart, string LatestStart, DateTimeOffset JoinedAt,
    Guid? BookingId, WaitlistOfferSummary? Offer);

public sealed record WaitlistOfferSummary(Guid Id, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset HoldUntil);

/// <summary>An offered slot behind an emailed link; <c>status</c> live, taken, lapsed or withdrawn.</summary>
public sealed record WaitlistOffer(
    Guid Id, string Status, Guid AppointmentTypeId, string AppointmentTypeName, Guid PractitionerId, string PractitionerName,
    DateTimeOffset Start, DateTimeOffset End, DateTimeOffset HoldUntil, Guid? BookingId)
{
    public bool IsLive => Status == "live";
}

/// <summary>What a patient asks the waitlist for; null practitioner: any who offers the type.</summary>
public sealed record WaitlistRequest(
    Guid AppointmentTypeId, Guid? PractitionerId, string FromDate, string ToDate, IReadOnlyList<string> Days,
    string EarliestStart, string LatestStart, string Name, string? Phone);

/// <summary>"My account": a patient's bookings by their proven address (upcoming soonest first, past latest first).</summary>
public sealed record MyBookings(string Email, IReadOnlyList<Appointment> Upcoming, IReadOnlyList<Appointment> Past);
