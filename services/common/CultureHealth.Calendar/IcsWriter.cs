using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace CultureHealth.Calendar;

/// <summary>Writes RFC 5545 iCalendar text: a subscribable feed, or one event for an email.</summary>
public static class IcsWriter
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
        "TZID:" + ClinicTimeZone.ZoneId,
        "X-LIC-LOCATION:" + ClinicTimeZone.ZoneId,
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

    /// <summary>A METHOD:PUBLISH feed; cancelled events stay in with STATUS:CANCELLED so subscribers drop them.</summary>
    public static string WriteFeed(string calendarName, IEnumerable<IcsEvent> events, Instant stamp)
    {
        ArgumentNullException.ThrowIfNull(calendarName);
        ArgumentNullException.ThrowIfNull(events);

        var ics = new ContentLines();
        BeginCalendar(ics, "PUBLISH");
        ics.Add("X-WR-CALNAME:" + IcsText.EscapeText(calendarName));
        ics.Add("X-WR-TIMEZONE:" + ClinicTimeZone.ZoneId);
        ics.AddRange(LondonTimeZone);
        foreach (var e in events.OrderBy(e => e.Start))
        {
            AddEvent(ics, e, e.Cancelled ? "CANCELLED" : "CONFIRMED", stamp, participants: null);
        }

        ics.Add("END:VCALENDAR");
        return ics.ToString();
    }

    /// <summary>
    /// A one-event iTIP message for an email attachment: REQUEST to add or update the appointment in the
    /// patient's calendar, CANCEL to remove it. RFC 5546 requires ORGANIZER and ATTENDEE on both.
    /// </summary>
    public static string WriteSingleEvent(IcsEvent e, IcsMethod method, IcsParticipant organizer, IcsParticipant attendee, Instant stamp)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(organizer);
        ArgumentNullException.ThrowIfNull(attendee);

        var (methodName, status) = method switch
        {
            IcsMethod.Request when e.Cancelled =>
                throw new ArgumentException("A cancelled booking is sent with IcsMethod.Cancel, not Request.", nameof(method)),
            IcsMethod.Request => ("REQUEST", "CONFIRMED"),
            IcsMethod.Cancel => ("CANCEL", "CANCELLED"),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown iTIP method."),
        };

        var ics = new ContentLines();
        BeginCalendar(ics, methodName);
        ics.AddRange(LondonTimeZone);
        AddEvent(ics, e, status, stamp, (organizer, attendee));
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
        IcsEvent e,
        string status,
        Instant stamp,
        (IcsParticipant Organizer, IcsParticipant Attendee)? participants)
    {
        if (e.End <= e.Start)
        {
            throw new ArgumentException($"Booking {e.BookingId} must end after it starts.", nameof(e));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(e.Sequence, nameof(e));
        ArgumentNullException.ThrowIfNull(e.Summary, nameof(e));

        ics.Add("BEGIN:VEVENT");
        ics.Add("UID:" + e.Uid);
        ics.Add("DTSTAMP:" + UtcPattern.Format(stamp));
        ics.Add(DateTimeProperty("DTSTART", e.Start));
        ics.Add(DateTimeProperty("DTEND", e.End));
        ics.Add("SUMMARY:" + IcsText.EscapeText(e.Summary));
        if (!string.IsNullOrEmpty(e.Description))
        {
            ics.Add("DESCRIPTION:" + IcsText.EscapeText(e.Description));
        }

        if (!string.IsNullOrEmpty(e.Location))
        {
            ics.Add("LOCATION:" + IcsText.EscapeText(e.Location));
        }

        if (participants is { } people)
        {
            ics.Add("ORGANIZER" + CommonName(people.Organizer) + ":mailto:" + people.Organizer.Email);
            ics.Add("ATTENDEE" + CommonName(people.Attendee) + ";ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:" + people.Attendee.Email);
        }

        ics.Add("STATUS:" + status);
        ics.Add("SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
        ics.Add("END:VEVENT");
    }

    /// <summary>
    /// Local London time with TZID, which is how calendars show the time people agreed to. The one time that
    /// cannot be written that way is the second pass through the repeated autumn hour (a TZID local time means
    /// its first occurrence), so that instant is written in UTC instead.
    /// </summary>
    private static string DateTimeProperty(string name, Instant instant)
    {
        var local = ClinicTimeZone.InClinicZone(instant).LocalDateTime;
        return ClinicTimeZone.Resolve(local).ToInstant() == instant
            ? $"{name};TZID={ClinicTimeZone.ZoneId}:{LocalPattern.Format(local)}"
            : $"{name}:{UtcPattern.Format(instant)}";
    }

    // A parameter value may not contain DQUOTE or control characters even when quoted (RFC 5545 3.1).
    private static string CommonName(IcsParticipant participant)
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
