using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Content.Domain;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NodaTime;

namespace CultureHealth.Platform.Tests;

/// <summary>What one patient left in every service, and the markers that find it again.</summary>
public sealed record ArrangedPatient(
    string Email, string Name, string Phone, string Note, string Street, string CommentBody, string Token,
    Guid BookingId, Guid OrderId, string OrderNumber, Guid CommentId)
{
    /// <summary>Texts that are this patient's personal data, each unique to them.</summary>
    public IReadOnlyList<string> Markers => [Email, Name, Phone, Note, Street, CommentBody];
}

/// <summary>
/// The whole system, with patients who have data in every service: a proven address (patients), an order with a
/// delivery address paid by card (shop, with its emails and admin's copy), the session credits it bought and a booking
/// paid with one, with notes and a phone number (booking, notifications' reminder, admin's dashboard), and a comment
/// (content, notifications, admin). Comment rate limits are lifted: several tests comment from one address.
/// </summary>
public sealed partial class PatientDataStack : WholeStack
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _catalogue = new(1, 1);
    private (string PackageSku, string GoodsSku, string TypeCode, string ArticleSlug)? _shared;

    public PatientDataStack()
    {
        GatewaySettings["Gateway:RateLimits:comments"] = "1000";
        ServiceSettings["Content:CommentRateLimit"] = "1000";
    }

    public async Task<ArrangedPatient> ArrangePatientAsync(string label)
    {
        var shared = await SharedAsync();
        var id = Guid.NewGuid().ToString("N");
        var email = $"{label}.{id[..12]}@example.com";
        // The address as a patient might type it at a checkout or a guest booking: services keep it as typed, and
        // export and erasure must still find it by the proven (lower-case) address.
        var typed = char.ToUpperInvariant(email[0]) + email[1..].Replace("@example.com", "@Example.COM", StringComparison.Ordinal);
        var name = $"{label} {Letters(10)}";
        var phone = "07700" + Random.Shared.Next(100_000, 999_999);
        var note = $"note-{id}";
        var street = $"{Random.Shared.Next(1, 999)} {Letters(12)} Road";
        var commentBody = $"comment-{id} my knee feels better";

        using var anonymous = GatewayClient();
        var token = await ProveAsync(anonymous, email);
        using var patient = GatewayClient(token);

        // The shop: a package (session credits) and goods posted to the patient's address, paid by card.
        var cartId = (await (await Ok(anonymous.PostAsync(new Uri("/api/shop/carts", UriKind.Relative), null))).Content.ReadFromJsonAsync<JsonElement>(Json))
            .GetProperty("cartId").GetString();
        (await Ok(anonymous.PostAsJsonAsync($"/api/shop/carts/{cartId}/items", new { sku = shared.PackageSku, quantity = 1 }))).Dispose();
        (await Ok(anonymous.PostAsJsonAsync($"/api/shop/carts/{cartId}/items", new { sku = shared.GoodsSku, quantity = 1 }))).Dispose();
        using var checkout = new HttpRequestMessage(HttpMethod.Post, "/api/shop/checkout")
        {
            Content = JsonContent.Create(new
            {
                cartId, customer = new { name, email = typed },
                shippingAddress = new { line1 = street, city = "London", postcode = "SW1A 1AA", country = "GB" },
            }),
        };
        checkout.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var placed = await Ok(anonymous.SendAsync(checkout));
        var order = await placed.Content.ReadFromJsonAsync<JsonElement>(Json);
        var orderId = order.GetProperty("orderId").GetGuid();
        using var payment = new HttpRequestMessage(HttpMethod.Post, $"/api/shop/orders/{orderId}/payments")
        {
            Content = JsonContent.Create(new { paymentToken = "tok_visa", orderToken = order.GetProperty("accessToken").GetString() }),
        };
        payment.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        (await Ok(anonymous.SendAsync(payment))).Dispose();
        await Eventually.TrueAsync(async () =>
        {
            await using var db = Booking.OpenDb();
            return await db.CreditGrants.AnyAsync(g => g.OrderId == orderId);
        }, TimeSpan.FromSeconds(60), "booking granted the package's credits");

        // Booking: a session paid with a credit, with a phone number and notes.
        var diary = await ArrangeDiaryAsync(shared.TypeCode);
        var from = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
        var availability = await anonymous.GetFromJsonAsync<JsonElement>(
            $"/api/booking/availability?appointmentTypeId={diary.TypeId}&practitionerId={diary.PractitionerId}&from={from:yyyy-MM-dd}&to={from.AddDays(2):yyyy-MM-dd}", Json);
        var start = availability.GetProperty("practitioners")[0].GetProperty("slots")[0].GetProperty("start").GetString();
        using var book = new HttpRequestMessage(HttpMethod.Post, "/api/booking/bookings")
        {
            Content = JsonContent.Create(new
            {
                appointmentTypeId = diary.TypeId, practitionerId = diary.PractitionerId, start,
                patient = new { name, email, phone }, notes = note, useCredit = true,
            }),
        };
        book.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var booked = await Ok(patient.SendAsync(book));
        var bookingId = (await booked.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("booking").GetProperty("id").GetGuid();

        // And a guest booking under the address as typed, waiting for its emailed confirmation link.
        var later = await anonymous.GetFromJsonAsync<JsonElement>(
            $"/api/booking/availability?appointmentTypeId={diary.TypeId}&practitionerId={diary.PractitionerId}&from={from:yyyy-MM-dd}&to={from.AddDays(2):yyyy-MM-dd}", Json);
        using var guestBook = new HttpRequestMessage(HttpMethod.Post, "/api/booking/bookings")
        {
            Content = JsonContent.Create(new
            {
                appointmentTypeId = diary.TypeId, practitionerId = diary.PractitionerId,
                start = later.GetProperty("practitioners")[0].GetProperty("slots")[0].GetProperty("start").GetString(),
                patient = new { name, email = typed, phone }, notes = note,
            }),
        };
        guestBook.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        (await Ok(anonymous.SendAsync(guestBook))).Dispose();

        // Content: a comment under an article.
        using var commented = await Ok(anonymous.PostAsJsonAsync($"/api/content/articles/{shared.ArticleSlug}/comments",
            new { authorName = name, authorEmail = email, body = commentBody }));
        var commentId = (await commented.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();

        // Patients: saved details and marketing consent (notifications keeps a copy of the consent); booking: a place
        // on the waitlist with the same name and phone.
        (await Ok(patient.PutAsJsonAsync("/api/patients/me/details", new { name, phone }))).Dispose();
        (await Ok(patient.PutAsJsonAsync("/api/patients/me/preferences", new { marketingEmails = true }))).Dispose();
        (await Created(patient.PostAsJsonAsync("/api/booking/waitlist", new
        {
            appointmentTypeId = diary.TypeId, fromDate = $"{from.AddDays(7):yyyy-MM-dd}", toDate = $"{from.AddDays(14):yyyy-MM-dd}",
            days = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }, earliestStart = "09:00", latestStart = "17:00", name, phone,
        }))).Dispose();

        // The copies elsewhere exist before the test looks: notifications' and admin's.
        await Eventually.TrueAsync(async () =>
        {
            await using var notifications = Notifications.OpenDb();
            await using var admin = Admin.OpenDb();
            return await notifications.ScheduledReminders.AnyAsync(r => r.BookingId == bookingId && r.PatientName == name)
                && await notifications.KnownComments.AnyAsync(c => c.CommentId == commentId)
                && await notifications.SentMessages.AnyAsync(m => m.Recipient == typed && m.Kind == "order-paid")
                && await notifications.MarketingConsents.AnyAsync(c => c.Email == email && c.Consent)
                && await admin.DashboardBookings.AnyAsync(b => b.BookingId == bookingId && b.PatientName == name)
                && await admin.DashboardOrders.AnyAsync(o => o.OrderId == orderId && o.CustomerEmail.ToLower() == email)
                && await admin.DashboardComments.AnyAsync(c => c.CommentId == commentId && c.AuthorName == name);
        }, TimeSpan.FromSeconds(60), $"notifications and admin have their copies of {label}'s data");

        return new ArrangedPatient(email, name, phone, note, street, commentBody, token, bookingId, orderId,
            order.GetProperty("orderNumber").GetString()!, commentId);
    }

    /// <summary>Every row of every table of a service's database whose text contains one of <paramref name="markers"/>.</summary>
    public static async Task<IReadOnlyList<string>> RowsMentioningAsync(string connectionString, IEnumerable<string> markers)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '__EFMigrationsHistory'",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var hits = new List<string>();
        foreach (var table in tables)
        {
            foreach (var marker in markers)
            {
                await using var find = new NpgsqlCommand($"SELECT t::text FROM \"{table}\" t WHERE strpos(lower(t::text), lower(@marker)) > 0", connection);
                find.Parameters.AddWithValue("marker", marker);
                await using var reader = await find.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    hits.Add($"{table} ({marker}): {reader.GetString(0)}");
                }
            }
        }
        return hits;
    }

    /// <summary>Each service database's connection string, by service name.</summary>
    public IReadOnlyDictionary<string, string> Databases => new Dictionary<string, string>
    {
        ["content"] = Content.DatabaseConnectionString,
        ["shop"] = Shop.DatabaseConnectionString,
        ["booking"] = Booking.DatabaseConnectionString,
        ["notifications"] = Notifications.DatabaseConnectionString,
        ["patients"] = Patients.DatabaseConnectionString,
        ["admin"] = Admin.DatabaseConnectionString,
    };

    /// <summary>Asks for a code through the gateway, reads it from the email, sends it back: the patient's access token.</summary>
    private async Task<string> ProveAsync(HttpClient client, string email)
    {
        (await Accepted(client.PostAsJsonAsync("/api/patients/email-proofs", new { email }))).Dispose();
        var mail = (await Eventually.GetAsync(() => Task.FromResult(MailTo(email)), m => m.Count > 0, TimeSpan.FromSeconds(60), "the code email"))[^1];
        var code = CodeInLink().Match(mail.TextBody ?? "");
        Assert.True(code.Success, mail.TextBody);
        using var verified = await Ok(client.PostAsJsonAsync("/api/patients/email-proofs/verify", new { email, code = code.Groups["code"].Value }));
        return (await verified.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("accessToken").GetString()!;
    }

    private async Task<(string PackageSku, string GoodsSku, string TypeCode, string ArticleSlug)> SharedAsync()
    {
        await _catalogue.WaitAsync();
        try
        {
            if (_shared is { } shared)
            {
                return shared;
            }
            var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
            var typeCode = "gdpr-" + suffix.ToLowerInvariant();
            using var manager = GatewayClient(TestStaff.TokenFor(StaffRoles.ShopManager));
            (await Created(manager.PostAsJsonAsync("/api/admin/shop/products", new
            {
                sku = "PKG-" + suffix, slug = "pkg-" + suffix.ToLowerInvariant(), name = "3 sessions", description = "Three sessions.",
                category = "treatment-packages", pricePence = 19500, vatClass = "exempt", kind = "treatmentPackage",
                appointmentTypeCode = typeCode, sessionsPerUnit = 3,
            }))).Dispose();
            (await Created(manager.PostAsJsonAsync("/api/admin/shop/products", new
            {
                sku = "ROLL-" + suffix, slug = "roll-" + suffix.ToLowerInvariant(), name = "Foam roller", description = "A foam roller.",
                category = "equipment", pricePence = 2995, vatClass = "standard", kind = "physical", stock = 100,
            }))).Dispose();

            var slug = "knee-" + suffix.ToLowerInvariant();
            await using (var content = Content.OpenDb())
            {
                var author = new Author { Id = Guid.NewGuid(), Name = "Amelia Hart", Title = "Physiotherapist", Active = true, ProfileAsOf = DateTimeOffset.UtcNow };
                var article = new Article
                {
                    Id = Guid.NewGuid(), Title = "Knee pain " + suffix, Slug = slug, AuthorId = author.Id,
                    CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                };
                article.SetBody("Knees, and how to look after them.");
                article.Publish(DateTimeOffset.UtcNow);
                content.Authors.Add(author);
                content.Articles.Add(article);
                await content.SaveChangesAsync();
            }
            _shared = ("PKG-" + suffix, "ROLL-" + suffix, typeCode, slug);
            return _shared.Value;
        }
        finally
        {
            _catalogue.Release();
        }
    }

    private async Task<(Guid PractitionerId, Guid TypeId)> ArrangeDiaryAsync(string typeCode)
    {
        var practitionerId = Guid.NewGuid();
        await using var db = Booking.OpenDb();
        var type = await db.AppointmentTypes.FirstOrDefaultAsync(t => t.Code == typeCode);
        if (type is null)
        {
            type = new AppointmentTypeDefinition
            {
                Id = Guid.NewGuid(), Code = typeCode, Name = "Follow-up " + typeCode, DurationMinutes = 45, PricePence = 6500, CreditsCanPay = true,
            };
            db.AppointmentTypes.Add(type);
        }
        db.Practitioners.Add(new Practitioner { Id = practitionerId, Name = "Dr " + Letters(8), Title = "Physiotherapist", UpdatedAt = DateTimeOffset.UtcNow });
        db.Offerings.Add(new PractitionerOffering { PractitionerId = practitionerId, AppointmentTypeId = type.Id });
        foreach (var day in Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None))
        {
            db.WeeklySchedule.Add(new WeeklyScheduleInterval
            {
                Id = Guid.NewGuid(), PractitionerId = practitionerId, Day = day, Start = new LocalTime(8, 0), End = new LocalTime(18, 0),
            });
        }
        await db.SaveChangesAsync();
        return (practitionerId, type.Id);
    }

    private static string Letters(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => (char)((i == 0 ? 'A' : 'a') + Random.Shared.Next(26))));

    private static Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> sending) => Expect(sending, null);

    private static Task<HttpResponseMessage> Created(Task<HttpResponseMessage> sending) => Expect(sending, HttpStatusCode.Created);

    private static Task<HttpResponseMessage> Accepted(Task<HttpResponseMessage> sending) => Expect(sending, HttpStatusCode.Accepted);

    private static async Task<HttpResponseMessage> Expect(Task<HttpResponseMessage> sending, HttpStatusCode? status)
    {
        var response = await sending;
        var ok = status is { } expected ? response.StatusCode == expected : response.IsSuccessStatusCode;
        Assert.True(ok, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    [GeneratedRegex(@"/account/verify\?email=[^&\s]+&code=(?<code>[0-9]{6})")]
    private static partial Regex CodeInLink();

    public override async Task DisposeAsync()
    {
        _catalogue.Dispose();
        await base.DisposeAsync();
    }
}
