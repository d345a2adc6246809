using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Contracts;
using CultureHealth.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using NodaTime;

namespace CultureHealth.Platform.Tests;

/// <summary>
/// Issue 20 (high) end to end, through the gateway: a patient proves their address with the emailed code, and only
/// then can spend or see their session credits; a credit-paid booking's manage link arrives by email, never in the
/// reply; a stranger who knows the address gets nowhere; proof requests say nothing about whether an address is known.
/// </summary>
public sealed partial class PatientIdentityTests(WholeStack stack) : IClassFixture<WholeStack>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_proven_patient_books_with_a_credit_and_gets_the_manage_link_only_by_email_while_a_stranger_is_refused()
    {
        var email = $"credit.patient.{Guid.NewGuid():N}@example.com";
        var diary = await ArrangeDiaryAsync();
        await GrantCreditsAsync(email, diary.Code, sessions: 2);
        using var anonymous = stack.GatewayClient();
        var slots = await SlotsAsync(anonymous, diary);

        // A stranger who knows the address: refused, and told nothing about credits.
        using var stranger = await BookAsync(anonymous, diary, slots[0], email, useCredit: true);
        using var strangerNoCredits = await BookAsync(anonymous, diary, slots[0], $"nobody.{Guid.NewGuid():N}@example.com", useCredit: true);
        using var strangerBalance = await anonymous.GetAsync(new Uri("/api/booking/credits?email=" + Uri.EscapeDataString(email), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Contains("useCredit", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Words(await stranger.Content.ReadAsStringAsync()), Words(await strangerNoCredits.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, strangerBalance.StatusCode);

        // The patient proves the address with the code from the email (or its one-click link).
        var token = await ProveAsync(anonymous, email);
        using var patient = stack.GatewayClient(token);
        var credits = await patient.GetFromJsonAsync<JsonElement>("/api/booking/credits", Json);
        Assert.Equal(2, credits.GetProperty("totalRemaining").GetInt32());

        using var booked = await BookAsync(patient, diary, slots[0], email, useCredit: true);
        var reply = await booked.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        using var created = JsonDocument.Parse(reply);
        Assert.False(created.RootElement.TryGetProperty("manageToken", out _), $"no manage token in the reply: {reply}");
        Assert.Equal("confirmed", created.RootElement.GetProperty("booking").GetProperty("status").GetString());
        Assert.Equal("credit", created.RootElement.GetProperty("booking").GetProperty("paidBy").GetString());
        var bookingId = created.RootElement.GetProperty("booking").GetProperty("id").GetGuid();

        // The confirmation email (with its calendar invitation) carries the manage link, and the link works.
        var confirmation = await EmailAsync(email, m => m.Subject?.StartsWith("Booking confirmed", StringComparison.Ordinal) == true, "the booking confirmation");
        Assert.Contains(confirmation.Attachments, a => a.ContentType.MimeType == "text/calendar");
        var manage = ManageLink().Match(confirmation.TextBody ?? "");
        Assert.True(manage.Success, confirmation.TextBody);
        Assert.Equal(bookingId, Guid.Parse(manage.Groups["id"].Value));
        var view = await anonymous.GetFromJsonAsync<JsonElement>(
            $"/api/booking/bookings/{bookingId}?token={manage.Groups["token"].Value}", Json);
        Assert.Equal("confirmed", view.GetProperty("status").GetString());
        Assert.Equal(1, (await patient.GetFromJsonAsync<JsonElement>("/api/booking/credits", Json)).GetProperty("totalRemaining").GetInt32());
    }

    [Fact]
    public async Task Proof_requests_for_known_and_unknown_addresses_answer_alike()
    {
        using var client = stack.GatewayClient();
        var known = $"known.{Guid.NewGuid():N}@example.com";
        await ProveAsync(client, known);
        var unknown = $"unknown.{Guid.NewGuid():N}@example.com";

        using var forKnown = await client.PostAsJsonAsync("/api/patients/email-proofs", new { email = known });
        using var forUnknown = await client.PostAsJsonAsync("/api/patients/email-proofs", new { email = unknown });

        Assert.Equal(HttpStatusCode.Accepted, forKnown.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, forUnknown.StatusCode);
        Assert.Equal(await forKnown.Content.ReadAsStringAsync(), await forUnknown.Content.ReadAsStringAsync());
        // Each address receives a code either way; nothing in the answers or the emails says which was known.
        await EmailAsync(unknown, m => true, "the code for the unknown address");
        Assert.Equal(2, (await Eventually.GetAsync(() => Task.FromResult(stack.MailTo(known)), m => m.Count >= 2, TimeSpan.FromSeconds(60), "a second code")).Count);
    }

    [Fact]
    public async Task A_guests_booking_waits_for_the_emailed_link_then_confirms_with_the_usual_email()
    {
        var email = $"guest.{Guid.NewGuid():N}@example.com";
        var diary = await ArrangeDiaryAsync();
        using var guest = stack.GatewayClient();
        var slots = await SlotsAsync(guest, diary);

        using var booked = await BookAsync(guest, diary, slots[1], email, useCredit: false);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        using var created = JsonDocument.Parse(await booked.Content.ReadAsStringAsync());
        Assert.Equal("pending", created.RootElement.GetProperty("booking").GetProperty("status").GetString());
        Assert.False(created.RootElement.TryGetProperty("manageToken", out _));
        var bookingId = created.RootElement.GetProperty("booking").GetProperty("id").GetGuid();

        var request = await EmailAsync(email, m => m.Subject?.StartsWith("Please confirm", StringComparison.Ordinal) == true, "the please-confirm email");
        var link = ConfirmLink().Match(request.TextBody ?? "");
        Assert.True(link.Success, request.TextBody);
        Assert.Equal(bookingId, Guid.Parse(link.Groups["id"].Value));
        using var confirmed = await guest.PostAsync(new Uri($"/api/booking/bookings/{bookingId}/confirm?token={link.Groups["token"].Value}", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        var confirmation = await EmailAsync(email, m => m.Subject?.StartsWith("Booking confirmed", StringComparison.Ordinal) == true, "the booking confirmation");
        Assert.Contains(confirmation.Attachments, a => a.ContentType.MimeType == "text/calendar");
        Assert.Contains(link.Groups["token"].Value, confirmation.TextBody ?? "", StringComparison.Ordinal);
    }

    /// <summary>Asks for a code through the gateway, reads it from the email, sends it back: the patient's access token.</summary>
    private async Task<string> ProveAsync(HttpClient client, string email)
    {
        var before = stack.MailTo(email).Count;
        using (var requested = await client.PostAsJsonAsync("/api/patients/email-proofs", new { email, returnUrl = "/account" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        }
        var mails = await Eventually.GetAsync(() => Task.FromResult(stack.MailTo(email)), m => m.Count > before, TimeSpan.FromSeconds(60), "the code email");
        var mail = mails[^1];
        var link = VerifyLink().Match(mail.TextBody ?? "");
        Assert.True(link.Success, mail.TextBody);
        Assert.Equal(email, Uri.UnescapeDataString(link.Groups["email"].Value));
        Assert.Contains("returnUrl=%2Faccount", mail.TextBody ?? "", StringComparison.Ordinal);
        using var verified = await client.PostAsJsonAsync("/api/patients/email-proofs/verify", new { email, code = link.Groups["code"].Value });
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var body = await verified.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(email, body.GetProperty("email").GetString());
        return body.GetProperty("accessToken").GetString()!;
    }

    private async Task<MimeMessage> EmailAsync(string email, Func<MimeMessage, bool> which, string what) =>
        (await Eventually.GetAsync(() => Task.FromResult(stack.MailTo(email).Where(which).ToList()), m => m.Count > 0, TimeSpan.FromSeconds(60), what))[0];

    private static async Task<HttpResponseMessage> BookAsync(HttpClient client, Diary diary, string start, string email, bool useCredit)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/booking/bookings")
        {
            Content = JsonContent.Create(new
            {
                appointmentTypeId = diary.TypeId, practitionerId = diary.PractitionerId, start,
                patient = new { name = "Sam Runner", email, phone = "07700900123" }, useCredit,
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    private static async Task<List<string>> SlotsAsync(HttpClient client, Diary diary)
    {
        var from = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
        var availability = await client.GetFromJsonAsync<JsonElement>(
            $"/api/booking/availability?appointmentTypeId={diary.TypeId}&practitionerId={diary.PractitionerId}&from={from:yyyy-MM-dd}&to={from.AddDays(2):yyyy-MM-dd}", Json);
        return availability.GetProperty("practitioners")[0].GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetString()!).ToList();
    }

    /// <summary>Credits as a paid treatment package grants them: OrderPaid from the shop, consumed by booking.</summary>
    private async Task GrantCreditsAsync(string email, string appointmentTypeCode, int sessions)
    {
        var orderId = Guid.NewGuid();
        await stack.Shop.GetRequiredService<IBus>().Publish(new OrderPaid(Guid.NewGuid(), DateTimeOffset.UtcNow, orderId, "CH-9" + Random.Shared.Next(100, 999),
            email, "Sam Runner", 18000, 0, [new OrderLine("PKG-T", "Package", 1, 18000, 18000, 0, "TreatmentPackage", appointmentTypeCode, sessions)]));
        await Eventually.TrueAsync(async () =>
        {
            await using var db = stack.Booking.OpenDb();
            return await db.CreditGrants.AnyAsync(g => g.OrderId == orderId);
        }, TimeSpan.FromSeconds(60), "booking granted the credits");
    }

    private sealed record Diary(Guid PractitionerId, Guid TypeId, string Code);

    private async Task<Diary> ArrangeDiaryAsync()
    {
        var diary = new Diary(Guid.NewGuid(), Guid.NewGuid(), "pkg-" + Guid.NewGuid().ToString("N")[..10]);
        await using var db = stack.Booking.OpenDb();
        db.Practitioners.Add(new Practitioner { Id = diary.PractitionerId, Name = "Dr " + diary.Code, Title = "Physiotherapist", UpdatedAt = DateTimeOffset.UtcNow });
        db.AppointmentTypes.Add(new AppointmentTypeDefinition
        {
            Id = diary.TypeId, Code = diary.Code, Name = "Follow-up " + diary.Code, DurationMinutes = 45, PricePence = 6500, CreditsCanPay = true,
        });
        db.Offerings.Add(new PractitionerOffering { PractitionerId = diary.PractitionerId, AppointmentTypeId = diary.TypeId });
        foreach (var day in Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None))
        {
            db.WeeklySchedule.Add(new WeeklyScheduleInterval
            {
                Id = Guid.NewGuid(), PractitionerId = diary.PractitionerId, Day = day, Start = new LocalTime(8, 0), End = new LocalTime(18, 0),
            });
        }
        await db.SaveChangesAsync();
        return diary;
    }

    /// <summary>A problem's words without its per-request ids.</summary>
    private static string Words(string problem)
    {
        using var doc = JsonDocument.Parse(problem);
        return string.Join("|", doc.RootElement.GetProperty("title").GetString(), doc.RootElement.GetProperty("detail").GetString(),
            doc.RootElement.GetProperty("errors").ToString());
    }

    [GeneratedRegex(@"/account/verify\?email=(?<email>[^&\s]+)&code=(?<code>[0-9]{6})")]
    private static partial Regex VerifyLink();

    [GeneratedRegex(@"/bookings/(?<id>[0-9a-f-]{36})\?token=(?<token>[A-Za-z0-9_%-]+)")]
    private static partial Regex ManageLink();

    [GeneratedRegex(@"/booking/confirm\?booking=(?<id>[0-9a-f-]{36})&token=(?<token>[A-Za-z0-9_%-]+)")]
    private static partial Regex ConfirmLink();
}
