using System.Text;
using NodaTime;

namespace CultureHealth.Calendar.Tests;

public sealed class IcsWriterTests
{
    private static readonly Instant Stamp = Instant.FromUtc(2026, 5, 1, 12, 34, 56);
    private static readonly Guid SummerId = Guid.Parse("6f1c2a8e-3b7d-4e21-9a55-0c4d8e9f1a2b");
    private static readonly Guid WinterId = Guid.Parse("0b9e7d6c-5a4f-4321-8e9d-1c2b3a4f5e6d");

    // 10:00-10:45 in London on a July and a January day: 09:00 UTC in summer, 10:00 UTC in winter.
    private static readonly IcsEvent Summer = new(
        SummerId, Instant.FromUtc(2026, 7, 15, 9, 0), Instant.FromUtc(2026, 7, 15, 9, 45), "Sports massage", Cancelled: false, 0);

    private static readonly IcsEvent Winter = new(
        WinterId, Instant.FromUtc(2027, 1, 12, 10, 0), Instant.FromUtc(2027, 1, 12, 10, 45), "Initial assessment", Cancelled: true, 2);

    private static readonly IcsParticipant Organizer = new("bookings@culturehealth.example", "CultureHealth Clinic");
    private static readonly IcsParticipant Patient = new("pat@example.com", "Pat \"PJ\" Jones");

    private static string Feed() => IcsWriter.WriteFeed("Dr Jo's diary, Room 2", [Winter, Summer], Stamp);

    private static string[] UnfoldedLines(string ics) =>
        ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Feed_has_the_calendar_header()
    {
        var lines = UnfoldedLines(Feed());

        Assert.Equal(
            ["BEGIN:VCALENDAR", "PRODID:-//CultureHealth//Booking//EN", "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"],
            lines.Take(5));
        Assert.Contains(@"X-WR-CALNAME:Dr Jo's diary\, Room 2", lines);
        Assert.Equal("END:VCALENDAR", lines[^1]);
    }

    [Fact]
    public void Feed_has_a_London_timezone_with_summer_and_winter_rules()
    {
        var lines = UnfoldedLines(Feed());
        var timezone = lines.SkipWhile(line => line != "BEGIN:VTIMEZONE").TakeWhile(line => line != "END:VTIMEZONE").ToList();

        Assert.Contains("TZID:Europe/London", timezone);
        Assert.Contains("BEGIN:DAYLIGHT", timezone);
        Assert.Contains("BEGIN:STANDARD", timezone);
        Assert.Contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", timezone);
        Assert.Contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", timezone);
        Assert.Contains("TZOFFSETTO:+0100", timezone);
        Assert.Contains("TZOFFSETTO:+0000", timezone);
    }

    /// <summary>
    /// The hard-coded VTIMEZONE says: clocks change at 01:00 UTC on the last Sunday of March and October.
    /// That must agree with the tz database the rest of the domain uses.
    /// </summary>
    [Fact]
    public void The_timezone_rules_match_the_tz_database()
    {
        for (var year = 1997; year <= 2037; year++)
        {
            // Both rules change the clocks at 01:00 UTC on the last Sunday of the month.
            var spring = LastSunday(year, 3).AtMidnight().InUtc().ToInstant() + Duration.FromHours(1);
            var autumn = LastSunday(year, 10).AtMidnight().InUtc().ToInstant() + Duration.FromHours(1);

            Assert.Equal(spring, ClinicTimeZone.Zone.GetZoneInterval(spring).Start);
            Assert.Equal(Offset.FromHours(1), ClinicTimeZone.Zone.GetUtcOffset(spring));
            Assert.Equal(autumn, ClinicTimeZone.Zone.GetZoneInterval(autumn).Start);
            Assert.Equal(Offset.Zero, ClinicTimeZone.Zone.GetUtcOffset(autumn));
        }
    }

    [Fact]
    public void A_summer_event_is_written_in_British_Summer_Time()
    {
        var summerEvent = EventLines(Feed(), SummerId);

        Assert.Contains("DTSTART;TZID=Europe/London:20260715T100000", summerEvent);
        Assert.Contains("DTEND;TZID=Europe/London:20260715T104500", summerEvent);
    }

    [Fact]
    public void A_winter_event_is_written_in_Greenwich_Mean_Time()
    {
        var winterEvent = EventLines(Feed(), WinterId);

        Assert.Contains("DTSTART;TZID=Europe/London:20270112T100000", winterEvent);
        Assert.Contains("DTEND;TZID=Europe/London:20270112T104500", winterEvent);
    }

    [Fact]
    public void Events_carry_uid_stamp_summary_status_and_sequence()
    {
        var feed = Feed();
        var summerEvent = EventLines(feed, SummerId);
        var winterEvent = EventLines(feed, WinterId);

        Assert.Contains($"UID:{SummerId}@culturehealth", summerEvent);
        Assert.Contains("DTSTAMP:20260501T123456Z", summerEvent);
        Assert.Contains("SUMMARY:Sports massage", summerEvent);
        Assert.Contains("STATUS:CONFIRMED", summerEvent);
        Assert.Contains("SEQUENCE:0", summerEvent);
        Assert.Contains("STATUS:CANCELLED", winterEvent);
        Assert.Contains("SEQUENCE:2", winterEvent);
    }

    [Fact]
    public void Feed_events_are_in_time_order()
    {
        var uids = UnfoldedLines(Feed()).Where(line => line.StartsWith("UID:", StringComparison.Ordinal)).ToList();

        Assert.Equal([$"UID:{SummerId}@culturehealth", $"UID:{WinterId}@culturehealth"], uids);
    }

    [Fact]
    public void An_event_starting_in_the_second_pass_of_the_repeated_hour_is_written_in_utc()
    {
        // 01:30 GMT on 25 October 2026 reads 01:30 like the earlier 01:30 BST; a TZID time would mean the earlier one.
        var entry = Summer with { Start = Instant.FromUtc(2026, 10, 25, 0, 30), End = Instant.FromUtc(2026, 10, 25, 1, 30) };

        var lines = UnfoldedLines(IcsWriter.WriteFeed("Diary", [entry], Stamp));

        Assert.Contains("DTSTART;TZID=Europe/London:20261025T013000", lines);
        Assert.Contains("DTEND:20261025T013000Z", lines);
    }

    [Fact]
    public void Text_fields_are_escaped()
    {
        var entry = Summer with
        {
            Summary = @"Back pain; neck, shoulders \ hips",
            Description = "Bring shorts.\nArrive 5 min early",
            Location = "1 High St, London",
        };

        var lines = UnfoldedLines(IcsWriter.WriteFeed("Diary", [entry], Stamp));

        Assert.Contains(@"SUMMARY:Back pain\; neck\, shoulders \\ hips", lines);
        Assert.Contains(@"DESCRIPTION:Bring shorts.\nArrive 5 min early", lines);
        Assert.Contains(@"LOCATION:1 High St\, London", lines);
    }

    [Fact]
    public void Every_line_ends_with_crlf_and_fits_75_octets()
    {
        var longEntry = Summer with { Summary = string.Concat(Enumerable.Repeat("Physiothérapie du dos 🦴, ", 12)) };
        var ics = IcsWriter.WriteFeed("Diary", [longEntry, Winter], Stamp);

        AssertWellFormed(ics);
        Assert.Contains(ics.Split("\r\n"), line => line.StartsWith(' '));
        Assert.Contains("SUMMARY:" + IcsText.EscapeText(longEntry.Summary), UnfoldedLines(ics));
    }

    [Fact]
    public void An_empty_feed_is_still_a_valid_calendar()
    {
        var ics = IcsWriter.WriteFeed("Diary", [], Stamp);

        AssertWellFormed(ics);
        Assert.DoesNotContain("BEGIN:VEVENT", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_invites_the_patient_to_a_confirmed_event()
    {
        var ics = IcsWriter.WriteSingleEvent(Summer, IcsMethod.Request, Organizer, Patient, Stamp);
        var lines = UnfoldedLines(ics);

        AssertWellFormed(ics);
        Assert.Contains("METHOD:REQUEST", lines);
        Assert.Single(lines, line => line == "BEGIN:VEVENT");
        Assert.Contains("STATUS:CONFIRMED", lines);
        Assert.Contains("ORGANIZER;CN=\"CultureHealth Clinic\":mailto:bookings@culturehealth.example", lines);
        Assert.Contains("ATTENDEE;CN=\"Pat PJ Jones\";ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:pat@example.com", lines);
        Assert.Contains("DTSTART;TZID=Europe/London:20260715T100000", lines);
        Assert.Contains("BEGIN:VTIMEZONE", lines);
        Assert.DoesNotContain(lines, line => line.StartsWith("X-WR-CALNAME", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cancel_marks_the_event_cancelled_with_the_same_uid()
    {
        var cancelled = Summer with { Cancelled = true, Sequence = 1 };

        var lines = UnfoldedLines(IcsWriter.WriteSingleEvent(cancelled, IcsMethod.Cancel, Organizer, Patient, Stamp));

        Assert.Contains("METHOD:CANCEL", lines);
        Assert.Contains("STATUS:CANCELLED", lines);
        Assert.Contains("SEQUENCE:1", lines);
        Assert.Contains($"UID:{SummerId}@culturehealth", lines);
    }

    [Fact]
    public void A_request_for_a_cancelled_event_is_refused() =>
        Assert.Throws<ArgumentException>(() =>
            IcsWriter.WriteSingleEvent(Winter, IcsMethod.Request, Organizer, Patient, Stamp));

    [Theory]
    [InlineData("")]
    [InlineData("no-at-sign")]
    [InlineData("pat@example.com\r\nATTENDEE:mailto:evil@example.com")]
    [InlineData("pat;x@example.com")]
    [InlineData("pat @example.com")]
    public void Participants_need_a_plain_email_address(string email) =>
        Assert.Throws<ArgumentException>(() => new IcsParticipant(email));

    [Fact]
    public void Events_that_end_before_they_start_or_have_a_negative_sequence_are_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            IcsWriter.WriteFeed("Diary", [Summer with { End = Summer.Start }], Stamp));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            IcsWriter.WriteSingleEvent(Summer with { Sequence = -1 }, IcsMethod.Request, Organizer, Patient, Stamp));
    }

    private static void AssertWellFormed(string ics)
    {
        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        for (var i = 0; i < ics.Length; i++)
        {
            if (ics[i] == '\n')
            {
                Assert.True(i > 0 && ics[i - 1] == '\r', $"bare LF at {i}");
            }

            if (ics[i] == '\r')
            {
                Assert.True(i + 1 < ics.Length && ics[i + 1] == '\n', $"bare CR at {i}");
            }
        }

        Assert.All(ics.Split("\r\n"), line => Assert.InRange(Encoding.UTF8.GetByteCount(line), 0, 75));
    }

    private static List<string> EventLines(string ics, Guid bookingId)
    {
        var events = new List<List<string>>();
        List<string>? current = null;
        foreach (var line in UnfoldedLines(ics))
        {
            if (line == "BEGIN:VEVENT")
            {
                current = [];
                events.Add(current);
            }

            current?.Add(line);
            if (line == "END:VEVENT")
            {
                current = null;
            }
        }

        return events.Single(lines => lines.Contains($"UID:{bookingId}@culturehealth"));
    }

    private static LocalDate LastSunday(int year, int month) =>
        new LocalDate(year, month, 1).PlusMonths(1).Previous(IsoDayOfWeek.Sunday);
}
