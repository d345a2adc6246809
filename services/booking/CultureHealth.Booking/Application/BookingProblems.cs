using CultureHealth.Booking.Domain;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;

namespace CultureHealth.Booking.Application;

/// <summary>The problems the booking rules produce, worded for patients and named for clients.</summary>
public static class BookingProblems
{
    private const string TypeBase = "https://culturehealth.example/problems/booking/";

    public static ProblemException SlotTaken() => new(StatusCodes.Status409Conflict, "That slot was just taken",
        "Another booking now holds this time. Please choose another slot.", type: TypeBase + "slot-taken");

    /// <summary>Lost a race it could not finish in time (lock timeout or a deadlock PostgreSQL broke): nothing was written.</summary>
    public static ProblemException DiaryBusy() => new(StatusCodes.Status409Conflict, "That time is being booked right now",
        "Another booking for this practitioner is being made at this moment. Please try again or choose another slot.",
        type: TypeBase + "diary-busy");

    /// <summary>Why a requested start is refused; a clash is a conflict (409), every other reason is about the field "start".</summary>
    public static ProblemException SlotRejected(SlotRejectionReason reason, BookingOptions options) => reason switch
    {
        // For the patient a taken room is the same news as a taken practitioner: that time has gone.
        SlotRejectionReason.Clash or SlotRejectionReason.NoRoomFree => SlotTaken(),
        _ => new ProblemException(StatusCodes.Status422UnprocessableEntity, "That time cannot be booked", Describe(reason, options),
            field: "start", type: TypeBase + "slot-" + reason.ToString().ToLowerInvariant()),
    };

    public static ProblemException CancellationRefused(CancellationRefusal refusal, string action, int freeCancellationHours) => refusal switch
    {
        CancellationRefusal.TooLate => new ProblemException(StatusCodes.Status409Conflict, $"Too late to {action} online",
            $"Bookings can be changed or cancelled online free of charge until {freeCancellationHours} hours before the appointment. Please call the clinic.",
            type: TypeBase + "cancellation-window"),
        CancellationRefusal.AlreadyStarted => new ProblemException(StatusCodes.Status409Conflict, $"Too late to {action}",
            "The appointment has already started.", type: TypeBase + "already-started"),
        _ => NotConfirmed(),
    };

    public static ProblemException NotConfirmed() => new(StatusCodes.Status409Conflict, "The booking is no longer active",
        "Only confirmed bookings can be changed; this one is cancelled, completed or marked as a no-show.", type: TypeBase + "not-confirmed");

    public static ProblemException NoCredit() => new(StatusCodes.Status422UnprocessableEntity, "No session credit available",
        "There is no unused session credit for this appointment type and email address.", field: "useCredit", type: TypeBase + "no-credit");

    public static ProblemException ChangedMeanwhile() => ProblemException.Conflict("The booking changed meanwhile",
        "The booking was changed by another request; reload it and try again.");

    public static ProblemException NotStartedYet() => ProblemException.Conflict("The appointment has not started yet",
        "Completed and no-show can only be recorded once the appointment has begun.");

    /// <summary>A room cannot close for a day: these bookings fit in no other room of its kind at their time.</summary>
    public static ProblemException RoomHasBookings(IReadOnlyList<RoomHoldDto> stuck) => new(StatusCodes.Status409Conflict,
        "The room has bookings that cannot move",
        "These bookings fit in no other room of this kind at their time; move or cancel them first: "
            + string.Join("; ", stuck.Select(b => $"{b.Start:HH:mm} with {b.PractitionerName}")) + ".",
        type: TypeBase + "room-has-bookings")
    {
        Extensions = new Dictionary<string, object?> { ["bookings"] = stuck },
    };

    public static ProblemException NotYourDiary() => new(StatusCodes.Status403Forbidden, "Not your diary",
        "Practitioners can only manage their own diary.");

    public static ProblemException NoLinkedPractitioner() => new(StatusCodes.Status403Forbidden, "Not your diary",
        "This practitioner account is not linked to a practitioner.");

    private static string Describe(SlotRejectionReason reason, BookingOptions options) => reason switch
    {
        SlotRejectionReason.NotOnSlotBoundary =>
            $"Appointments start every {options.SlotGranularityMinutes} minutes from the start of the practitioner's working hours.",
        SlotRejectionReason.OutsideWorkingHours => "The practitioner is not working at that time.",
        SlotRejectionReason.TooSoon => $"Bookings need at least {options.MinimumNoticeMinutes} minutes' notice.",
        SlotRejectionReason.BeyondHorizon => $"Bookings open {options.HorizonDays} days ahead.",
        SlotRejectionReason.InThePast => "That time has already passed.",
        SlotRejectionReason.Closed => "The clinic is closed that day.",
        SlotRejectionReason.TimeOff => "The practitioner is away at that time.",
        SlotRejectionReason.RoomsClosed => "No room for this appointment is open that day.",
        _ => "That time is not available.",
    };
}
