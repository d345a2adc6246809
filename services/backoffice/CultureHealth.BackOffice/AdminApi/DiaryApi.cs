using NodaTime;
using CultureHealth.BackOffice.Web;

namespace CultureHealth.BackOffice.AdminApi;

// Booking's staff API as admin forwards it (/api/admin/booking/... → booking's /manage/booking/...). Only the fields the pages use.

public sealed record Money(long Amount, string Currency);

public sealed record Patient(string? Name, string? Email, string? Phone);

public sealed record Booking(
    Guid Id, string Status, Guid PractitionerId, string PractitionerName, Guid AppointmentTypeId, string AppointmentTypeName,
    DateTimeOffset Start, DateTimeOffset End, Money Price, string PaidBy, Patient Patient, string? Notes, int Sequence,
    DateTimeOffset FreeCancellationUntil, Guid? RoomId = null)
{
    /// <summary>Still in the diary (not cancelled, not a lapsed unconfirmed hold).</summary>
    public bool TakesTime => Status is not ("cancelled" or "expired");

    public bool IsOpen => Status is "confirmed" or "pending";
}

public sealed record BookingCreated(Booking Booking);

public sealed record Practitioner(Guid Id, string Name, string Title, bool Active);

public sealed record AppointmentType(Guid Id, string Code, string Name, int DurationMinutes, Money Price, bool Active, IReadOnlyList<Guid> PractitionerIds);

public sealed record Slot(DateTimeOffset Start, DateTimeOffset End);

public sealed record PractitionerSlots(Guid PractitionerId, string PractitionerName, IReadOnlyList<Slot> Slots);

public sealed record Availability(Guid AppointmentTypeId, int DurationMinutes, string From, string To, IReadOnlyList<PractitionerSlots> Practitioners);

public sealed record Closure(string Date, string Name);

public sealed record RoomClosure(string Date, string Reason);

public sealed record Room(Guid Id, string Name, string Kind, bool Active, IReadOnlyList<RoomClosure> Closures);

/// <summary>The slot held for a waiting patient now, and when the hold ends (then it passes to the next waiter).</summary>
public sealed record WaitlistOffer(Guid Id, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset HoldUntil);

/// <summary>What a waiting patient asked for: <c>Days</c> are lower-case English weekdays, dates ISO, times clinic-local starts (HH:mm).</summary>
public sealed record WaitlistWish(
    Guid Id, string AppointmentTypeName, Guid? PractitionerId, string? PractitionerName, string FromDate, string ToDate,
    IReadOnlyList<string> Days, string EarliestStart, string LatestStart, DateTimeOffset JoinedAt, WaitlistOffer? Offer);

/// <summary>A waiting patient, who they are, and with whom the time held for them is.</summary>
public sealed record WaitlistEntry(WaitlistWish Entry, string PatientName, string PatientEmail, string? PatientPhone, string? OfferPractitionerName);

public sealed record TimeOff(Guid Id, DateTimeOffset Start, DateTimeOffset End, string? Reason);

public sealed record Interval(string? Day, string? Start, string? End);

public sealed record WeeklySchedule(IReadOnlyList<Interval> Intervals);

public sealed record DateOverride(string Date, IReadOnlyList<Interval> Intervals);

public sealed record WorkingHours(Guid PractitionerId, string Date, bool ClinicClosed, IReadOnlyList<Interval> Intervals, IReadOnlyList<TimeOff> TimeOff);

/// <summary>The diary's calls, as the signed-in member of staff (so booking checks "own diary only" again).</summary>
public sealed class DiaryApi(AdminClient admin)
{
    private const string Root = "api/admin/booking";

    public Task<AdminResult<List<Practitioner>>> PractitionersAsync(CancellationToken ct) =>
        admin.GetAsync<List<Practitioner>>($"{Root}/practitioners", ct);

    public Task<AdminResult<List<AppointmentType>>> AppointmentTypesAsync(CancellationToken ct) =>
        admin.GetAsync<List<AppointmentType>>($"{Root}/appointment-types", ct);

    public Task<AdminResult<List<Booking>>> BookingsAsync(LocalDate from, int days, Guid? practitionerId, CancellationToken ct) =>
        admin.GetAsync<List<Booking>>($"{Root}/bookings?date={Wording.Iso(from)}&days={days}" +
            (practitionerId is { } id ? $"&practitionerId={id}" : ""), ct);

    public Task<AdminResult<List<WorkingHours>>> WorkingHoursAsync(LocalDate from, int days, Guid? practitionerId, CancellationToken ct) =>
        admin.GetAsync<List<WorkingHours>>($"{Root}/working-hours?date={Wording.Iso(from)}&days={days}" +
            (practitionerId is { } id ? $"&practitionerId={id}" : ""), ct);

    public Task<AdminResult<Booking>> BookingAsync(Guid id, CancellationToken ct) => admin.GetAsync<Booking>($"{Root}/bookings/{id}", ct);

    public Task<AdminResult<Availability>> AvailabilityAsync(Guid typeId, Guid? practitionerId, LocalDate from, LocalDate to, CancellationToken ct) =>
        admin.GetAsync<Availability>($"{Root}/availability?appointmentTypeId={typeId}&from={Wording.Iso(from)}&to={Wording.Iso(to)}" +
            (practitionerId is { } id ? $"&practitionerId={id}" : ""), ct);

    public Task<AdminResult<BookingCreated>> BookAsync(object request, string idempotencyKey, CancellationToken ct) =>
        admin.PostAsync<BookingCreated>($"{Root}/bookings", request, ct, idempotencyKey);

    public Task<AdminResult<Booking>> MarkAttendedAsync(Guid id, CancellationToken ct) => admin.PostAsync<Booking>($"{Root}/bookings/{id}/complete", null, ct);

    public Task<AdminResult<Booking>> MarkNoShowAsync(Guid id, CancellationToken ct) => admin.PostAsync<Booking>($"{Root}/bookings/{id}/no-show", null, ct);

    public Task<AdminResult<Booking>> CancelAsync(Guid id, CancellationToken ct) => admin.PostAsync<Booking>($"{Root}/bookings/{id}/cancel", new { }, ct);

    public Task<AdminResult<Booking>> MoveAsync(Guid id, DateTimeOffset start, CancellationToken ct) =>
        admin.PostAsync<Booking>($"{Root}/bookings/{id}/reschedule", new { start = start.ToString("O", System.Globalization.CultureInfo.InvariantCulture) }, ct);

    public Task<AdminResult<List<Closure>>> ClosuresAsync(CancellationToken ct) => admin.GetAsync<List<Closure>>($"{Root}/closures", ct);

    public Task<AdminResult<Closure>> AddClosureAsync(LocalDate date, string name, CancellationToken ct) =>
        admin.PutAsync<Closure>($"{Root}/closures/{Wording.Iso(date)}", new { name }, ct);

    public Task<AdminResult<NoContent>> RemoveClosureAsync(LocalDate date, CancellationToken ct) =>
        admin.DeleteAsync($"{Root}/closures/{Wording.Iso(date)}", ct);

    public Task<AdminResult<List<Room>>> RoomsAsync(CancellationToken ct) => admin.GetAsync<List<Room>>($"{Root}/rooms", ct);

    /// <summary>Adds room <paramref name="id"/> or renames it (booking replaces a room whole: kind and in use go with the name).</summary>
    public Task<AdminResult<Room>> SaveRoomAsync(Guid id, string name, string kind, bool active, CancellationToken ct) =>
        admin.PutAsync<Room>($"{Root}/rooms/{id}", new { name, kind, active }, ct);

    /// <summary>Waiting patients in join order (a practitioner gets those for them or for any), optionally of one appointment type.</summary>
    public Task<AdminResult<List<WaitlistEntry>>> WaitlistAsync(Guid? appointmentTypeId, CancellationToken ct) =>
        admin.GetAsync<List<WaitlistEntry>>($"{Root}/waitlist" + (appointmentTypeId is { } id ? $"?appointmentTypeId={id}" : ""), ct);

    public Task<AdminResult<RoomClosure>> CloseRoomAsync(Guid roomId, LocalDate date, string reason, CancellationToken ct) =>
        admin.PutAsync<RoomClosure>($"{Root}/rooms/{roomId}/closures/{Wording.Iso(date)}", new { reason }, ct);

    public Task<AdminResult<NoContent>> ReopenRoomAsync(Guid roomId, LocalDate date, CancellationToken ct) =>
        admin.DeleteAsync($"{Root}/rooms/{roomId}/closures/{Wording.Iso(date)}", ct);

    public Task<AdminResult<WeeklySchedule>> WeeklyScheduleAsync(Guid practitionerId, CancellationToken ct) =>
        admin.GetAsync<WeeklySchedule>($"{Root}/practitioners/{practitionerId}/schedule", ct);

    public Task<AdminResult<List<DateOverride>>> OverridesAsync(Guid practitionerId, LocalDate from, CancellationToken ct) =>
        admin.GetAsync<List<DateOverride>>($"{Root}/practitioners/{practitionerId}/overrides?from={Wording.Iso(from)}&days=120", ct);

    public Task<AdminResult<DateOverride>> SetHoursAsync(Guid practitionerId, LocalDate date, IEnumerable<Interval> intervals, CancellationToken ct) =>
        admin.PutAsync<DateOverride>($"{Root}/practitioners/{practitionerId}/overrides/{Wording.Iso(date)}", new { intervals }, ct);

    public Task<AdminResult<NoContent>> ResetHoursAsync(Guid practitionerId, LocalDate date, CancellationToken ct) =>
        admin.DeleteAsync($"{Root}/practitioners/{practitionerId}/overrides/{Wording.Iso(date)}", ct);

    public Task<AdminResult<List<TimeOff>>> TimeOffAsync(Guid practitionerId, CancellationToken ct) =>
        admin.GetAsync<List<TimeOff>>($"{Root}/practitioners/{practitionerId}/time-off", ct);

    public Task<AdminResult<TimeOff>> AddTimeOffAsync(Guid practitionerId, DateTimeOffset start, DateTimeOffset end, string? reason, CancellationToken ct) =>
        admin.PostAsync<TimeOff>($"{Root}/practitioners/{practitionerId}/time-off", new
        {
            start = start.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            end = end.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            reason,
        }, ct);

    public Task<AdminResult<NoContent>> RemoveTimeOffAsync(Guid practitionerId, Guid timeOffId, CancellationToken ct) =>
        admin.DeleteAsync($"{Root}/practitioners/{practitionerId}/time-off/{timeOffId}", ct);
}
