using System.Globalization;
using System.Text.RegularExpressions;
using CultureHealth.Testing;
using MimeKit;

namespace CultureHealth.EndToEnd.Tests.Booking;

/// <summary>The emails a booking sends (notifications writes each as an .eml file), their links and calendar files.</summary>
public static partial class BookingMail
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(45);

    /// <summary>The newest email to <paramref name="address"/> whose subject starts with <paramref name="subject"/>, once it is there.</summary>
    public static async Task<MimeMessage> ReceivedAsync(SiteStack site, string address, string subject, int atLeast = 1)
    {
        List<(DateTime Written, MimeMessage Message)> found = [];
        await Eventually.TrueAsync(async () =>
        {
            found = [];
            foreach (var file in Directory.EnumerateFiles(site.MailFolder, "*.eml"))
            {
                try
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase))
                        && message.Subject?.StartsWith(subject, StringComparison.Ordinal) == true)
                    {
                        found.Add((File.GetLastWriteTimeUtc(file), message));
                    }
                }
                catch (Exception e) when (e is IOException or FormatException)
                {
                    // Still being written.
                }
            }
            return found.Count >= atLeast;
        }, Within, $"{atLeast} email(s) \"{subject}…\" to {address} in {site.MailFolder}");
        return found.OrderBy(f => f.Written).Last().Message;
    }

    /// <summary>The site path (with query) of the first link in the email that starts with <paramref name="path"/>.</summary>
    public static string LinkTo(MimeMessage message, string path)
    {
        var text = message.TextBody ?? "";
        var link = Links().Matches(text).Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath.StartsWith(path, StringComparison.Ordinal));
        Assert.True(link is not null, $"no link to {path} in the email \"{message.Subject}\":\n{text}");
        return link!.PathAndQuery;
    }

    /// <summary>The 6-digit code in a sign-in email.</summary>
    public static string Code(MimeMessage message)
    {
        var match = CodeLine().Match(message.TextBody ?? "");
        Assert.True(match.Success, message.TextBody);
        return match.Groups[1].Value;
    }

    /// <summary>The calendar attachment's text.</summary>
    public static string Calendar(MimeMessage message)
    {
        var part = message.Attachments.OfType<MimePart>().FirstOrDefault(a => a.ContentType.MimeType == "text/calendar");
        Assert.True(part is not null, $"no text/calendar attachment on \"{message.Subject}\"");
        using var stream = new MemoryStream();
        part!.Content!.DecodeTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>DTSTART of the (one) event: it must be a Europe/London wall-clock time (TZID), as the clinic says it.</summary>
    public static DateTime StartInLondon(string ics)
    {
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
        var lines = unfolded.Split("\r\n");
        var line = lines.SkipWhile(l => l != "BEGIN:VEVENT").Single(l => l.StartsWith("DTSTART", StringComparison.Ordinal));
        Assert.StartsWith("DTSTART;TZID=Europe/London:", line);
        return DateTime.ParseExact(line["DTSTART;TZID=Europe/London:".Length..], "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Links();

    [GeneratedRegex(@"^\s+(\d{6})\s*$", RegexOptions.Multiline)]
    private static partial Regex CodeLine();
}
