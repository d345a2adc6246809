using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Booking.Data;
using CultureHealth.Contracts;
using CultureHealth.Gateway;
using CultureHealth.Messaging.Outbox;
using CultureHealth.Notifications.Data;
using CultureHealth.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace CultureHealth.Platform.Tests;

/// <summary>
/// A patient books through the gateway, confirms with the emailed link (a guest's booking is pending until then),
/// and gets exactly one confirmation email with a calendar invitation, even when BookingConfirmed reaches the
/// notifications worker twice.
/// </summary>
public sealed class BookingConfirmationEmailTests : IAsyncLifetime
{
    private readonly string _mail = Path.Combine(Path.GetTempPath(), "ch-mail-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly ConsumeCounter _notificationsConsumed = new();
    private TestService<BookingDbContext> _booking = null!;
    private TestService<NotificationsDbContext> _notifications = null!;
    private ServiceFactory<DownstreamHealth> _gateway = null!;

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("email-" + Guid.NewGuid().ToString("N")[..8]);
        _notifications = await TestService<NotificationsDbContext>.StartAsync("notifications", vhost, settings: new Dictionary<string, string?>
        {
            ["Notifications:Delivery"] = "Pickup",
            ["Notifications:PickupDirectory"] = _mail,
            ["Site:PublicUrl"] = "https://clinic.example",
        }, services: s => s.AddConsumeObserver(_ => _notificationsConsumed));
        // The demo clinic: practitioners, appointment types and their weekly hours.
        _booking = await TestService<BookingDbContext>.StartAsync("booking", vhost, listen: true,
            settings: new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true" });
        _gateway = new ServiceFactory<DownstreamHealth>(new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:booking:Destinations:primary:Address"] = _booking.Factory.BaseAddress.ToString(),
        }, listen: true);
        _gateway.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _booking.DisposeAsync();
        await _notifications.DisposeAsync();
        PostgresServerCleanup.TryDelete(_mail);
    }

    [Fact]
    public async Task Booking_through_the_gateway_sends_one_confirmation_with_a_valid_ics_even_when_the_event_is_delivered_twice()
    {
        using var client = _gateway.CreateHttpClient();
        var types = await client.GetFromJsonAsync<JsonElement>("/api/booking/appointment-types");
        var assessment = types.EnumerateArray().First(t => t.GetProperty("code").GetString() == "initial-assessment");
        var from = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1));
        var availability = await client.GetFromJsonAsync<JsonElement>(
            $"/api/booking/availability?appointmentTypeId={assessment.GetProperty("id").GetGuid()}&from={from:yyyy-MM-dd}&to={from.AddDays(7):yyyy-MM-dd}");
        var (practitionerId, start) = availability.GetProperty("practitioners").EnumerateArray()
            .SelectMany(p => p.GetProperty("slots").EnumerateArray().Select(s => (p.GetProperty("practitionerId").GetGuid(), s.GetProperty("start").GetString()!)))
            .First();

        var email = $"patient.{Guid.NewGuid():N}@example.com";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/booking/bookings")
        {
            Content = JsonContent.Create(new
            {
                appointmentTypeId = assessment.GetProperty("id").GetGuid(), practitionerId, start,
                patient = new { name = "Sam Runner", email, phone = "07700900123" },
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var created = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var bookingId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("booking").GetProperty("id").GetGuid();

        // The guest follows the link in the "please confirm" email.
        var pleaseConfirm = (await Eventually.GetAsync(() => Task.FromResult(MessagesTo(email)), m => m.Count >= 1,
            TimeSpan.FromSeconds(60), "the please-confirm email was written"))[0];
        var link = System.Text.RegularExpressions.Regex.Match(pleaseConfirm.TextBody ?? "", @"/booking/confirm\?booking=(?<id>[0-9a-f-]{36})&token=(?<token>[A-Za-z0-9_%-]+)");
        Assert.True(link.Success, pleaseConfirm.TextBody);
        using (var confirm = await client.PostAsync(new Uri($"/api/booking/bookings/{bookingId}/confirm?token={link.Groups["token"].Value}", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        }

        var first = await Eventually.GetAsync(() => Task.FromResult(ConfirmationsTo(email)), m => m.Count >= 1,
            TimeSpan.FromSeconds(60), "the confirmation email was written");

        // The broker delivers the very same event again.
        BookingConfirmed original;
        await using (var db = _booking.OpenDb())
        {
            var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType.StartsWith("CultureHealth.Contracts.BookingConfirmed,")).ToListAsync();
            original = JsonSerializer.Deserialize<BookingConfirmed>(
                Assert.Single(rows, r => r.Payload.Contains(bookingId.ToString(), StringComparison.Ordinal)).Payload,
                new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        }
        var before = _notificationsConsumed.Completed<BookingConfirmed>();
        await _booking.GetRequiredService<IBus>().Publish(original);
        await Eventually.TrueAsync(() => Task.FromResult(_notificationsConsumed.Completed<BookingConfirmed>() > before),
            TimeSpan.FromSeconds(60), "notifications consumed the duplicate");

        var messages = ConfirmationsTo(email);
        var message = Assert.Single(messages);
        Assert.Contains("Sam Runner", message.TextBody, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(message.HtmlBody));

        var ics = Assert.Single(message.Attachments.OfType<MimePart>(), a => a.ContentType.MimeType == "text/calendar");
        using var stream = new MemoryStream();
        await ics.Content!.DecodeToAsync(stream);
        var calendar = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", calendar, StringComparison.Ordinal);
        Assert.Contains("METHOD:REQUEST\r\n", calendar, StringComparison.Ordinal);
        Assert.Contains($"UID:{bookingId}@culturehealth", calendar, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("DTSTART;TZID=Europe/London:", calendar, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain(calendar.Replace("\r\n", "", StringComparison.Ordinal), c => c == '\n');
        Assert.Single(first);
    }

    private List<MimeMessage> ConfirmationsTo(string email) =>
        MessagesTo(email).Where(m => m.Subject?.StartsWith("Booking confirmed", StringComparison.Ordinal) == true).ToList();

    private List<MimeMessage> MessagesTo(string email) =>
        !Directory.Exists(_mail)
            ? []
            : Directory.EnumerateFiles(_mail, "*.eml")
                .Select(f => MimeMessage.Load(f))
                .Where(m => m.To.Mailboxes.Any(a => a.Address == email))
                .ToList();
}

internal static class PostgresServerCleanup
{
    public static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
