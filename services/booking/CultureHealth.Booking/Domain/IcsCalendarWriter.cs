using CultureHealth.Calendar;
using NodaTime;

namespace CultureHealth.Booking.Domain;

/// <summary>
/// Booking's view of the shared <see cref="IcsWriter"/> (CultureHealth.Calendar), which notifications
/// uses for the invitations it emails: one writer, so the feed and the emails agree on UIDs and times.
/// </summary>
public static class IcsCalendarWriter
{
    public const string ProductId = IcsWriter.ProductId;

    /// <summary>A METHOD:PUBLISH feed of a practitioner's bookings; cancelled ones stay in with STATUS:CANCELLED so subscribers drop them.</summary>
    public static string WritePractitionerFeed(string calendarName, IEnumerable<CalendarEntry> entries, Instant stamp)
    {
        ArgumentNullException.ThrowIfNull(entries);
        // Completed and no-show appointments still took the time, so they stay on the diary as confirmed.
        return IcsWriter.WriteFeed(calendarName, entries.Select(ToEvent), stamp);
    }

    /// <summary>A one-event iTIP message: REQUEST to add or update the booking, CANCEL to remove it.</summary>
    public static string WriteSingleEvent(
        CalendarEntry entry, IcsMethod method, CalendarParticipant organizer, CalendarParticipant attendee, Instant stamp)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(organizer);
        ArgumentNullException.ThrowIfNull(attendee);
        var itip = method switch
        {
            IcsMethod.Request => Calendar.IcsMethod.Request,
            IcsMethod.Cancel => Calendar.IcsMethod.Cancel,
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown iTIP method."),
        };
        return IcsWriter.WriteSingleEvent(ToEvent(entry), itip,
            new IcsParticipant(organizer.Email, organizer.Name), new IcsParticipant(attendee.Email, attendee.Name), stamp);
    }

    private static IcsEvent ToEvent(CalendarEntry entry) => new(
        entry.BookingId, entry.Start, entry.End, entry.Summary, entry.Status == BookingStatus.Cancelled,
        entry.Sequence, entry.Description, entry.Location);
}
