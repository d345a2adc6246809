using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CultureHealth.Booking.Data;
using CultureHealth.Contracts;
using CultureHealth.Notifications.Data;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using CultureHealth.Testing;
using MassTransit;
using MimeKit;

namespace CultureHealth.Platform.Tests;

/// <summary>Booking, shop and notifications on one vhost; notifications writes emails as .eml files.</summary>
public class SealedSecretsStack : IAsyncLifetime
{
    public string Mail { get; } = Path.Combine(Path.GetTempPath(), "ch-sealed-" + Guid.NewGuid().ToString("N")[..8]);
    public TestService<BookingDbContext> Booking { get; private set; } = null!;
    public TestService<ShopDbContext> Shop { get; private set; } = null!;
    public TestService<NotificationsDbContext> Notifications { get; private set; } = null!;

    /// <summary>Where notifications sends, when it does: a loopback port nobody listens on (SMTP is down), or null for .eml files.</summary>
    protected virtual int? DeadSmtpPort => null;

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("sealed-" + Guid.NewGuid().ToString("N")[..8]);
        var mail = DeadSmtpPort is { } port
            ? new Dictionary<string, string?>
            {
                ["Notifications:Delivery"] = "Smtp",
                ["Notifications:Smtp:Host"] = "127.0.0.1",
                ["Notifications:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Notifications:Smtp:Security"] = "None",
                ["Notifications:Smtp:SendAttempts"] = "2",
                ["Notifications:Smtp:RetryDelay"] = "00:00:00.050",
                ["Notifications:Smtp:Timeout"] = "00:00:02",
            }
            : new Dictionary<string, string?> { ["Notifications:Delivery"] = "Pickup", ["Notifications:PickupDirectory"] = Mail };
        mail["Site:PublicUrl"] = "https://clinic.example";
        Notifications = await TestService<NotificationsDbContext>.StartAsync("notifications", vhost, settings: mail);
        Booking = await TestService<BookingDbContext>.StartAsync("booking", vhost, settings: new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true" });
        Shop = await TestService<ShopDbContext>.StartAsync("shop", vhost, settings: new Dictionary<string, string?>
        {
            ["Shop:WebhookSecret"] = "test-webhook-secret-of-at-least-32-characters",
        });
    }

    public async Task DisposeAsync()
    {
        await Shop.DisposeAsync();
        await Booking.DisposeAsync();
        await Notifications.DisposeAsync();
        PostgresServerCleanup.TryDelete(Mail);
    }

    /// <summary>Books the first free demo slot; returns the booking id and the manage token from the 201.</summary>
    public async Task<(Guid BookingId, string ManageToken, string Email)> BookAsync()
    {
        using var client = Booking.CreateClient();
        var types = await client.GetFromJsonAsync<JsonElement>("/api/booking/appointment-types");
        var assessment = types.EnumerateArray().First(t => t.GetProperty("code").GetString() == "initial-assessment");
        var from = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
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
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("booking").GetProperty("id").GetGuid(), body.GetProperty("manageToken").GetString()!, email);
    }

    /// <summary>Buys one £25 gift voucher and pays for it; returns the order id and the buyer's email.</summary>
    public async Task<(Guid OrderId, string Email)> BuyVoucherAsync()
    {
        var sku = "GV-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await using (var db = Shop.OpenDb())
        {
            db.Products.Add(new Product
            {
                Id = Guid.NewGuid(), Sku = sku, Slug = sku.ToLowerInvariant(), Name = "Gift voucher £25", Description = "A gift", Category = "gift-vouchers",
                PricePence = 2_500, VatClass = VatClass.Exempt, Kind = ProductKind.GiftVoucher, Active = true,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        using var client = Shop.CreateClient();
        return (await CheckoutAndPayAsync(client, sku, null), LastEmail);
    }

    public async Task<Guid> CheckoutAndPayAsync(HttpClient client, string sku, string? giftVoucherCode, bool pay = true)
    {
        using var cart = await client.PostAsync(new Uri("/api/shop/carts", UriKind.Relative), null);
        var cartId = (await cart.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cartId").GetString();
        (await client.PostAsJsonAsync($"/api/shop/carts/{cartId}/items", new { sku, quantity = 1 })).Dispose();
        LastEmail = $"buyer.{Guid.NewGuid():N}@example.com";
        using var checkout = new HttpRequestMessage(HttpMethod.Post, "/api/shop/checkout")
        {
            Content = JsonContent.Create(new { cartId, customer = new { name = "Priya Shah", email = LastEmail }, giftVoucherCode }),
        };
        checkout.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var placed = await client.SendAsync(checkout);
        Assert.True(placed.StatusCode == HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
        var order = await placed.Content.ReadFromJsonAsync<JsonElement>();
        var orderId = order.GetProperty("orderId").GetGuid();
        if (pay)
        {
            using var payment = new HttpRequestMessage(HttpMethod.Post, $"/api/shop/orders/{orderId}/payments")
            {
                Content = JsonContent.Create(new { paymentToken = "tok_visa", orderToken = order.GetProperty("accessToken").GetString() }),
            };
            payment.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            using var paid = await client.SendAsync(payment);
            Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        }

        return orderId;
    }

    private string LastEmail { get; set; } = "";

    public List<MimeMessage> MessagesTo(string email) =>
        !Directory.Exists(Mail)
            ? []
            : Directory.EnumerateFiles(Mail, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => m.To.Mailboxes.Any(a => a.Address == email)).ToList();
}

/// <summary>The same, with SMTP down for good: every email-bearing event ends in its _error queue.</summary>
public sealed class SealedSecretsSmtpDownStack : SealedSecretsStack
{
    protected override int? DeadSmtpPort { get; } = FreePort.Next();
}

/// <summary>The secrets sealed by their producers are opened by notifications alone: the emails carry them, and they work.</summary>
public sealed class SealedSecretsEmailTests(SealedSecretsStack stack) : IClassFixture<SealedSecretsStack>
{
    [Fact]
    public async Task The_confirmation_email_carries_the_manage_link_and_its_invitation_does_not()
    {
        var (bookingId, token, email) = await stack.BookAsync();

        var message = Assert.Single(await Eventually.GetAsync(() => Task.FromResult(stack.MessagesTo(email)), m => m.Count >= 1,
            TimeSpan.FromSeconds(30), "the confirmation email"));
        Assert.Contains($"https://clinic.example/bookings/{bookingId}?token={token}", message.TextBody, StringComparison.Ordinal);
        var ics = Assert.Single(message.Attachments.OfType<MimePart>(), a => a.ContentType.MimeType == "text/calendar");
        using var stream = new MemoryStream();
        await ics.Content!.DecodeToAsync(stream);
        Assert.DoesNotContain(token, System.Text.Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_voucher_email_carries_a_code_that_pays_at_the_shop()
    {
        var (_, buyer) = await stack.BuyVoucherAsync();
        static bool IsVoucherEmail(MimeMessage m) => (m.Subject ?? "").Contains("gift voucher", StringComparison.OrdinalIgnoreCase);
        var message = Assert.Single(await Eventually.GetAsync(() => Task.FromResult(stack.MessagesTo(buyer).Where(IsVoucherEmail).ToList()),
            m => m.Count >= 1, TimeSpan.FromSeconds(30), "the gift voucher email"));
        var code = Regex.Match(message.TextBody ?? "", "[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}").Value;
        Assert.NotEmpty(code);

        var rollerSku = "ROLL-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await using (var db = stack.Shop.OpenDb())
        {
            db.Products.Add(new Product
            {
                Id = Guid.NewGuid(), Sku = rollerSku, Slug = rollerSku.ToLowerInvariant(), Name = "Massage ball", Description = "Digital", Category = "test",
                PricePence = 1_000, VatClass = VatClass.Exempt, Kind = ProductKind.TreatmentPackage, AppointmentTypeCode = "follow-up", SessionsPerUnit = 1,
                Active = true, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        using var client = stack.Shop.CreateClient();
        var orderId = await stack.CheckoutAndPayAsync(client, rollerSku, code, pay: false);
        await using var check = stack.Shop.OpenDb();
        var order = await check.Orders.FindAsync(orderId);
        Assert.Equal(1_000, order!.VoucherAppliedPence);
    }
}

/// <summary>What an operator finds in the _error queues after an SMTP outage holds no usable token or code.</summary>
public sealed class SealedSecretsDeadLetterTests(SealedSecretsSmtpDownStack stack) : IClassFixture<SealedSecretsSmtpDownStack>
{
    [Fact]
    public async Task Dead_lettered_confirmations_and_voucher_events_hold_no_clear_manage_token_or_voucher_code()
    {
        var bus = stack.Notifications.GetRequiredService<IBus>();
        var bookings = new System.Collections.Concurrent.ConcurrentQueue<(BookingConfirmed Message, string Body)>();
        var vouchers = new System.Collections.Concurrent.ConcurrentQueue<(GiftVouchersIssued Message, string Body)>();
        var bookingErrors = bus.ConnectReceiveEndpoint("notifications-booking-confirmed_error", e => e.Handler<BookingConfirmed>(c =>
        {
            bookings.Enqueue((c.Message, c.ReceiveContext.Body.GetString()));
            return Task.CompletedTask;
        }));
        var voucherErrors = bus.ConnectReceiveEndpoint("notifications-gift-vouchers-issued_error", e => e.Handler<GiftVouchersIssued>(c =>
        {
            vouchers.Enqueue((c.Message, c.ReceiveContext.Body.GetString()));
            return Task.CompletedTask;
        }));
        await bookingErrors.Ready;
        await voucherErrors.Ready;

        var (bookingId, manageToken, _) = await stack.BookAsync();
        var (orderId, _) = await stack.BuyVoucherAsync();

        await Eventually.TrueAsync(() => Task.FromResult(bookings.Any(b => b.Message.BookingId == bookingId) && vouchers.Any(v => v.Message.OrderId == orderId)),
            TimeSpan.FromSeconds(90), "both events were dead-lettered");
        var booking = bookings.First(b => b.Message.BookingId == bookingId);
        Assert.DoesNotContain(manageToken, booking.Body, StringComparison.Ordinal);
        Assert.Equal(manageToken, TestSecrets.Events.Open(booking.Message.ManageToken));

        var voucher = vouchers.First(v => v.Message.OrderId == orderId);
        var code = TestSecrets.Events.Open(Assert.Single(voucher.Message.Vouchers).Code);
        Assert.NotNull(code);
        Assert.DoesNotContain(code, voucher.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), voucher.Body, StringComparison.Ordinal);
    }
}
