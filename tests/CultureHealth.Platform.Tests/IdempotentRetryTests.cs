using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Booking.Data;
using CultureHealth.Contracts;
using CultureHealth.Gateway;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using CultureHealth.Shop.Application.Payments;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Platform.Tests;

/// <summary>
/// A double click, or a client that retries while its first request is still running: ten copies of one
/// request with one Idempotency-Key arrive at once, through the gateway. Every copy must get the first
/// attempt's answer (same status, same id, same token) and the work must be done once.
/// </summary>
public sealed class IdempotentRetryTests(IdempotentRetryTests.RetryStack stack) : IClassFixture<IdempotentRetryTests.RetryStack>
{
    private const int Copies = 10;

    [Fact]
    public async Task Ten_concurrent_bookings_with_one_key_all_answer_the_one_booking_and_its_token()
    {
        using var client = stack.Gateway.CreateHttpClient();
        var email = $"double.click.{Guid.NewGuid():N}@example.com";
        var body = await RetryStack.FreeSlotRequestAsync(client, email);
        var key = Guid.NewGuid().ToString();

        // A patient who proved the address: the booking is confirmed at once and the reply carries the manage token.
        var patient = TestPatients.TokenFor(email);
        var answers = await AllAtOnceAsync(() => Post(client, "/api/booking/bookings", body, key, patient));

        var texts = string.Join("\n", answers.Select(a => $"{(int)a.Status} {a.Body}"));
        Assert.True(answers.All(a => a.Status == HttpStatusCode.Created), texts);
        Assert.Single(answers.Select(a => a.Json.GetProperty("booking").GetProperty("id").GetGuid()).Distinct());
        Assert.Single(answers.Select(a => a.Json.GetProperty("manageToken").GetString()).Distinct());
        var bookingId = answers[0].Json.GetProperty("booking").GetProperty("id").GetGuid();
        await using var db = stack.Booking.OpenDb();
        Assert.Equal(1, await db.Bookings.CountAsync(b => b.PatientEmail == email));
        Assert.Single(await stack.Booking.OutboxEventsAsync<BookingConfirmed>(), e => e.BookingId == bookingId);
    }

    [Fact]
    public async Task Ten_concurrent_checkouts_with_one_key_all_answer_the_one_order_and_its_token()
    {
        using var client = stack.Gateway.CreateHttpClient();
        var product = await stack.AddProductAsync(stock: 5);
        var cartId = await RetryStack.CartWithAsync(client, product.Sku, 2);
        var body = RetryStack.CheckoutBody(cartId);
        var key = Guid.NewGuid().ToString();

        var answers = await AllAtOnceAsync(() => Post(client, "/api/shop/checkout", body, key));

        var texts = string.Join("\n", answers.Select(a => $"{(int)a.Status} {a.Body}"));
        Assert.True(answers.All(a => a.Status == HttpStatusCode.Created), texts);
        Assert.Single(answers.Select(a => a.Json.GetProperty("orderId").GetGuid()).Distinct());
        Assert.Single(answers.Select(a => a.Json.GetProperty("accessToken").GetString()).Distinct());
        await using var db = stack.Shop.OpenDb();
        Assert.Equal(1, await db.OrderItems.CountAsync(i => i.ProductId == product.Id));
        Assert.Equal(3, (await db.Products.AsNoTracking().SingleAsync(p => p.Id == product.Id)).Stock);
    }

    [Fact]
    public async Task Ten_concurrent_payments_with_one_key_all_answer_the_one_payment_and_charge_once()
    {
        using var client = stack.Gateway.CreateHttpClient();
        var product = await stack.AddProductAsync(stock: 5);
        var cartId = await RetryStack.CartWithAsync(client, product.Sku, 1);
        var order = await Post(client, "/api/shop/checkout", RetryStack.CheckoutBody(cartId), Guid.NewGuid().ToString());
        Assert.True(order.Status == HttpStatusCode.Created, order.Body);
        var orderId = order.Json.GetProperty("orderId").GetGuid();
        var body = new { paymentToken = TestPaymentProvider.SucceedingToken, orderToken = order.Json.GetProperty("accessToken").GetString() };
        var provider = stack.Shop.GetRequiredService<TestPaymentProvider>();
        var chargesBefore = provider.ChargeCount;
        var key = Guid.NewGuid().ToString();

        var answers = await AllAtOnceAsync(() => Post(client, $"/api/shop/orders/{orderId}/payments", body, key));

        var texts = string.Join("\n", answers.Select(a => $"{(int)a.Status} {a.Body}"));
        Assert.True(answers.All(a => a.Status == HttpStatusCode.Created), texts);
        Assert.Single(answers.Select(a => a.Json.GetProperty("paymentId").GetGuid()).Distinct());
        Assert.Equal(1, provider.ChargeCount - chargesBefore);
        await using var db = stack.Shop.OpenDb();
        Assert.Equal(1, await db.Payments.CountAsync(p => p.OrderId == orderId));
        Assert.Equal(OrderStatus.Paid, (await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId)).Status);
    }

    [Fact]
    public async Task After_a_checkout_and_a_booking_no_idempotency_record_holds_the_token_or_the_key()
    {
        using var client = stack.Gateway.CreateHttpClient();
        var product = await stack.AddProductAsync(stock: 5);
        var checkoutKey = Guid.NewGuid().ToString();
        var order = await Post(client, "/api/shop/checkout", RetryStack.CheckoutBody(await RetryStack.CartWithAsync(client, product.Sku, 1)), checkoutKey);
        Assert.True(order.Status == HttpStatusCode.Created, order.Body);
        var orderToken = order.Json.GetProperty("accessToken").GetString()!;
        var bookingKey = Guid.NewGuid().ToString();
        var bookingEmail = $"sealed.{Guid.NewGuid():N}@example.com";
        var booking = await Post(client, "/api/booking/bookings",
            await RetryStack.FreeSlotRequestAsync(client, bookingEmail), bookingKey, TestPatients.TokenFor(bookingEmail));
        Assert.True(booking.Status == HttpStatusCode.Created, booking.Body);
        var manageToken = booking.Json.GetProperty("manageToken").GetString()!;

        var shopRows = await DumpIdempotencyRecordsAsync(stack.Shop.OpenDb());
        var bookingRows = await DumpIdempotencyRecordsAsync(stack.Booking.OpenDb());

        // The records exist (so the search below looks at something), yet nothing in them reads as the token or the key.
        Assert.NotEmpty(shopRows);
        Assert.NotEmpty(bookingRows);
        foreach (var row in shopRows)
        {
            Assert.DoesNotContain(orderToken, row, StringComparison.Ordinal);
            Assert.DoesNotContain(checkoutKey, row, StringComparison.Ordinal);
        }
        foreach (var row in bookingRows)
        {
            Assert.DoesNotContain(manageToken, row, StringComparison.Ordinal);
            Assert.DoesNotContain(bookingKey, row, StringComparison.Ordinal);
        }
    }

    /// <summary>Every idempotency record as PostgreSQL prints the row: each column's text, bytea as hex.</summary>
    private static async Task<List<string>> DumpIdempotencyRecordsAsync(DbContext db)
    {
        await using (db)
        {
            return await db.Database.SqlQuery<string>($"SELECT r::text AS \"Value\" FROM idempotency_records r").ToListAsync();
        }
    }

    private static async Task<Answer[]> AllAtOnceAsync(Func<Task<Answer>> send)
    {
        // Released together so the copies really overlap, as a double click or an impatient retry does.
        using var start = new ManualResetEventSlim();
        var copies = Enumerable.Range(0, Copies).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await send();
        })).ToArray();
        start.Set();
        return await Task.WhenAll(copies);
    }

    private static async Task<Answer> Post(HttpClient client, string path, object body, string key, string? patientToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        if (patientToken is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", patientToken);
        }
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return new Answer(response.StatusCode, text, json);
    }

    private sealed record Answer(HttpStatusCode Status, string Body, JsonElement Json);

    /// <summary>Booking (with the demo clinic's diary) and shop behind the gateway, rate limits out of the way.</summary>
    public sealed class RetryStack : IAsyncLifetime
    {
        public TestService<BookingDbContext> Booking { get; private set; } = null!;
        public TestService<ShopDbContext> Shop { get; private set; } = null!;
        public ServiceFactory<DownstreamHealth> Gateway { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var broker = await RabbitMqServer.SharedAsync();
            var vhost = await broker.CreateVirtualHostAsync("retry-" + Guid.NewGuid().ToString("N")[..8]);
            var bookingTask = TestService<BookingDbContext>.StartAsync("booking", vhost, listen: true,
                settings: new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true" });
            var shopTask = TestService<ShopDbContext>.StartAsync("shop", vhost, listen: true, settings: new Dictionary<string, string?>
            {
                ["Shop:WebhookSecret"] = "test-webhook-secret-of-at-least-32-characters",
            });
            await Task.WhenAll(bookingTask, shopTask);
            Booking = bookingTask.Result;
            Shop = shopTask.Result;
            Gateway = new ServiceFactory<DownstreamHealth>(new Dictionary<string, string?>
            {
                ["ReverseProxy:Clusters:booking:Destinations:primary:Address"] = Booking.Factory.BaseAddress.ToString(),
                ["ReverseProxy:Clusters:shop:Destinations:primary:Address"] = Shop.Factory.BaseAddress.ToString(),
                // The limits have tests of their own; here every copy must reach the service.
                ["Gateway:RateLimits:booking"] = "1000",
                ["Gateway:RateLimits:checkout"] = "1000",
            }, listen: true);
            Gateway.StartServer();
        }

        public async Task DisposeAsync()
        {
            await Gateway.DisposeAsync();
            await Shop.DisposeAsync();
            await Booking.DisposeAsync();
        }

        /// <summary>A booking request for a free slot of the demo clinic's initial assessment.</summary>
        public static async Task<object> FreeSlotRequestAsync(HttpClient client, string email)
        {
            var types = await client.GetFromJsonAsync<JsonElement>("/api/booking/appointment-types");
            var assessment = types.EnumerateArray().First(t => t.GetProperty("code").GetString() == "initial-assessment");
            var typeId = assessment.GetProperty("id").GetGuid();
            var from = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
            var availability = await client.GetFromJsonAsync<JsonElement>(
                $"/api/booking/availability?appointmentTypeId={typeId}&from={from:yyyy-MM-dd}&to={from.AddDays(7):yyyy-MM-dd}");
            var slots = availability.GetProperty("practitioners").EnumerateArray()
                .SelectMany(p => p.GetProperty("slots").EnumerateArray().Select(s => (p.GetProperty("practitionerId").GetGuid(), s.GetProperty("start").GetString()!)))
                .ToList();
            // Tests in this class book side by side; a random free slot keeps them out of each other's way.
            var (practitionerId, start) = slots[Random.Shared.Next(slots.Count)];
            return new
            {
                appointmentTypeId = typeId, practitionerId, start,
                patient = new { name = "Sam Runner", email, phone = "07700900123" },
            };
        }

        public async Task<Product> AddProductAsync(int stock)
        {
            var id = Guid.NewGuid();
            var sku = "R-" + id.ToString("N")[..10].ToUpperInvariant();
            var product = new Product
            {
                Id = id, Sku = sku, Slug = sku.ToLowerInvariant(), Name = "Foam roller " + sku, Description = "For tests", Category = "test",
                PricePence = 2_499, VatClass = VatClass.Standard, Kind = ProductKind.Physical, Stock = stock,
                Active = true, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            await using var db = Shop.OpenDb();
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return product;
        }

        public static async Task<string> CartWithAsync(HttpClient client, string sku, int quantity)
        {
            using var created = await client.PostAsync(new Uri("/api/shop/carts", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var cartId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cartId").GetString()!;
            using var added = await client.PostAsJsonAsync($"/api/shop/carts/{cartId}/items", new { sku, quantity });
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
            return cartId;
        }

        public static object CheckoutBody(string cartId) => new
        {
            cartId,
            customer = new { name = "Sam Patel", email = "sam@example.com" },
            shippingAddress = new { line1 = "1 Harley Street", city = "London", postcode = "W1G 9QD", country = "GB" },
        };
    }
}
