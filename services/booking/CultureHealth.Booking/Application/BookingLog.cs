using NodaTime;

namespace CultureHealth.Booking.Application;

/// <summary>What making and moving a booking both log when the diary refuses.</summary>
internal static partial class BookingLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Slot at {Start} with practitioner {PractitionerId} was taken by a concurrent booking")]
    public static partial void SlotTaken(ILogger logger, Guid practitionerId, Instant start);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up waiting for practitioner {PractitionerId}'s diary to book {Start}")]
    public static partial void DiaryBusy(ILogger logger, Guid practitionerId, Instant start);
}
