using System.Text;
using MimeKit;

namespace CultureHealth.Notifications.Tests;

public static class MailAssertions
{
    public static string Text(this MimeMessage message) => message.TextBody ?? "";

    public static string Html(this MimeMessage message) => message.HtmlBody ?? "";

    /// <summary>The text/calendar attachment, decoded.</summary>
    public static string Invitation(MimeMessage message)
    {
        var part = Assert.Single(message.Attachments.OfType<MimePart>(), p => p.ContentType.MimeType == "text/calendar");
        using var stream = new MemoryStream();
        Assert.NotNull(part.Content);
        part.Content.DecodeTo(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>ICS content lines with folding undone (RFC 5545 3.1).</summary>
    public static string[] UnfoldedLines(string ics) =>
        ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    public static Ical.Net.CalendarComponents.CalendarEvent SingleEvent(string ics)
    {
        var calendar = Ical.Net.Calendar.Load(ics);
        Assert.NotNull(calendar);
        return Assert.Single(calendar.Events);
    }
}
