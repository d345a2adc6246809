using System.Text;
using NodaTime;
using NodaTime.Text;

namespace CultureHealth.Booking.Domain;

/// <summary>Writes RFC 5545 iCalendar text: a practitioner's subscribable feed, or one event for an email.</summary>
public static class IcsCalendarWriter
{
    public const string ProductId = "-//CultureHealth//Booking//EN";

    private static readonly LocalDateTimePattern LocalPattern =
        LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss");

    private static readonly InstantPattern UtcPattern =
        InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'");

    // Europe/London since 1996: BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
    // last Sunday of October. DTSTART is in the offset in force before each change, as RFC 5545 requires.
    private static readonly string[] LondonTimeZone =
    [
        "BEGIN:VTIMEZONE",
        "TZID:" + ClinicCalendar.ZoneId,
        "X-LIC-LOCATION:" + ClinicCalendar.ZoneId,
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0000",
        "TZOFFSETTO:+0100",
        "TZNAME:BST",
        "DTSTART:19810329T010000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0000",
        "TZNAME:GMT",
        "DTSTART:19961027T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ];

    /// <summary>A METHOD:PUBLISH feed of a practitioner's bookings; cancelled ones stay in with STATUS:CANCELLED so subscribers drop them.</summary>
    public static string WritePractitionerFeed(string calendarName, IEnumerable<CalendarEntry> entries, Instant stamp)
    {
        ArgumentNullException.ThrowIfNull(calendarName);
        ArgumentNullException.ThrowIfNull(entries);

        var ics = new ContentLines();
        BeginCalendar(ics, "PUBLISH");
        ics.Add("X-WR-CALNAME:" + IcsText.EscapeText(calendarName));
        ics.Add("X-WR-TIMEZONE:" + ClinicCalendar.ZoneId);
        ics.AddRange(LondonTimeZone);
        foreach (var entry in entries.OrderBy(entry => entry.Start))
        {
            // Completed and no-show appointments still took the time, so they stay on the diary as confirmed.
            var status = entry.Status == BookingStatus.Cancelled ? "CANCELLED" : "CONFIRMED";
            AddEvent(ics, entry, status, stamp, participants: null);
        }

        ics.Add("END:VCALENDAR");
        return ics.ToString();
    }

    /// <summary>
    /// A one-event iTIP message for an email attachment: REQUEST to add or update the booking in the patient's
    /// calendar, CANCEL to remove it. RFC 5546 requires ORGANIZER and ATTENDEE on both.
    /// </summary>
    public static string WriteSingleEvent(
        CalendarEntry entry,
        IcsMethod method,
        CalendarParticipant organizer,
        CalendarParticipant attendee,
        Instant stamp)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(organizer);
        ArgumentNullException.ThrowIfNull(attendee);

        var (methodName, status) = method switch
        {
            IcsMethod.Request when entry.Status == BookingStatus.Cancelled =>
                throw new ArgumentException("A cancelled booking is sent with IcsMethod.Cancel, not Request.", nameof(method)),
            IcsMethod.Request => ("REQUEST", "CONFIRMED"),
            IcsMethod.Cancel => ("CANCEL", "CANCELLED"),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown iTIP method."),
        };

        var ics = new ContentLines();
        BeginCalendar(ics, methodName);
        ics.AddRange(LondonTimeZone);
        AddEvent(ics, entry, status, stamp, (organizer, attendee));
        ics.Add("END:VCALENDAR");
        return ics.ToString();
    }

    private static void BeginCalendar(ContentLines ics, string method)
    {
        ics.Add("BEGIN:VCALENDAR");
        ics.Add("PRODID:" + ProductId);
        ics.Add("VERSION:2.0");
        ics.Add("CALSCALE:GREGORIAN");
        ics.Add("METHOD:" + method);
    }

    private static void AddEvent(
        ContentLines ics,
        CalendarEntry entry,
        string status,
        Instant stamp,
        (CalendarParticipant Organizer, CalendarParticipant Attendee)? participants)
    {
        if (entry.End <= entry.Start)
        {
            throw new ArgumentException($"Booking {entry.BookingId} must end after it starts.", nameof(entry));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(entry.Sequence, nameof(entry));
        ArgumentNullException.ThrowIfNull(entry.Summary, nameof(entry));

        ics.Add("BEGIN:VEVENT");
        ics.Add("UID:" + entry.Uid);
        ics.Add("DTSTAMP:" + UtcPattern.Format(stamp));
        ics.Add(DateTimeProperty("DTSTART", entry.Start));
        ics.Add(DateTimeProperty("DTEND", entry.End));
        ics.Add("SUMMARY:" + IcsText.EscapeText(entry.Summary));
        if (!string.IsNullOrEmpty(entry.Description))
        {
            ics.Add("DESCRIPTION:" + IcsText.EscapeText(entry.Description));
        }

        if (!string.IsNullOrEmpty(entry.Location))
        {
            ics.Add("LOCATION:" + IcsText.EscapeText(entry.Location));
        }

        if (participants is { } people)
        {
            ics.Add("ORGANIZER" + CommonName(people.Organizer) + ":mailto:" + people.Organizer.Email);
            ics.Add("ATTENDEE" + CommonName(people.Attendee) + ";ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:" + people.Attendee.Email);
        }

        ics.Add("STATUS:" + status);
        ics.Add("SEQUENCE:" + entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ics.Add("END:VEVENT");
    }

    /// <summary>
    /// Local London time with TZID, which is how calendars show the time people agreed to. The one time that
    /// cannot be written that way is the second pass through the repeated autumn hour (a TZID local time means
    /// its first occurrence), so that instant is written in UTC instead.
    /// </summary>
    private static string DateTimeProperty(string name, Instant instant)
    {
        var local = ClinicCalendar.InClinicZone(instant).LocalDateTime;
        return ClinicCalendar.Resolve(local).ToInstant() == instant
            ? $"{name};TZID={ClinicCalendar.ZoneId}:{LocalPattern.Format(local)}"
            : $"{name}:{UtcPattern.Format(instant)}";
    }

    // A parameter value may not contain DQUOTE or control characters even when quoted (RFC 5545 3.1).
    private static string CommonName(CalendarParticipant participant)
    {
        if (string.IsNullOrWhiteSpace(participant.Name))
        {
            return string.Empty;
        }

        var safe = new string([.. participant.Name.Where(c => c != '"' && !char.IsControl(c))]);
        return $";CN=\"{safe}\"";
    }

    private sealed class ContentLines
    {
        private readonly StringBuilder _text = new();

        public void Add(string unfoldedLine) => _text.Append(IcsText.Fold(unfoldedLine)).Append(IcsText.LineBreak);

        public void AddRange(IEnumerable<string> unfoldedLines)
        {
            foreach (var line in unfoldedLines)
            {
                Add(line);
            }
        }

        public override string ToString() => _text.ToString();
    }
}
