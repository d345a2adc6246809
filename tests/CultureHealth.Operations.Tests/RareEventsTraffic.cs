using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Shop.Data;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.Operations.Tests;

/// <summary>
/// The four business events a morning's traffic does not produce on its own, produced by the behaviour that
/// raises them in the clinic, so the counters the dashboards and alerts read exist because the code counted them:
/// a patient who does not turn up, an article published at its scheduled time, an unpaid order swept, and a
/// checkout that takes a product's stock down to its low-stock threshold. Where the behaviour needs time to pass
/// (an appointment that has begun, a payment deadline gone by), the row's time is moved in the owning service's
/// table, as the back-office diary tests do; everything else goes through the services' own APIs.
/// </summary>
public sealed class RareEventsTraffic(MetricsStack stack)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly HttpClient _gateway = stack.GatewayClient();

    public async Task RunAsync()
    {
        await MarkANoShowAsync();
        await PublishAScheduledArticleAsync();
        await SweepAnUnpaidOrderAsync();
        await SellDownToTheLowStockThresholdAsync();
    }

    /// <summary>A booking whose appointment began half an hour ago; reception records that the patient did not come.</summary>
    private async Task MarkANoShowAsync()
    {
        var types = await GetAsync("/api/booking/appointment-types");
        var type = (types as JsonArray ?? types["items"]!.AsArray()).First(t => t!["practitionerIds"]!.AsArray().Count > 0)!;
        var from = DateTime.UtcNow.Date.AddDays(12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateTime.UtcNow.Date.AddDays(18).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var availability = await GetAsync($"/api/booking/availability?appointmentTypeId={type["id"]}&from={from}&to={to}");
        var practitioner = availability["practitioners"]!.AsArray().First(p => p!["slots"]!.AsArray().Count > 0)!;
        var created = await SendAsync(HttpMethod.Post, "/api/booking/bookings", new
        {
            appointmentTypeId = type["id"]!.GetValue<Guid>(),
            practitionerId = practitioner["practitionerId"]!.GetValue<Guid>(),
            start = (string)practitioner["slots"]![0]!["start"]!,
            patient = new { name = "Absent Patient", email = "absent@example.com", phone = "07700 900456" },
        }, HttpStatusCode.Created, bearer: TestPatients.TokenFor("absent@example.com"));
        var bookingId = created["booking"]!["id"]!.GetValue<Guid>();

        await BookingTime.StartedHalfAnHourAgoAsync(stack.Booking, bookingId);

        using var reception = stack.Booking.CreateClient(TestStaff.TokenFor(StaffRoles.Reception));
        using var marked = await reception.PostAsync(new Uri($"/manage/booking/bookings/{bookingId}/no-show", UriKind.Relative), null);
        Assert.True(marked.StatusCode == HttpStatusCode.OK, $"no-show: {(int)marked.StatusCode} {await marked.Content.ReadAsStringAsync()}");
    }

    /// <summary>An editor schedules an article two seconds ahead; content's scheduled publisher puts it on the site.</summary>
    private async Task PublishAScheduledArticleAsync()
    {
        using var editor = stack.Content.CreateClient(TestStaff.TokenFor(StaffRoles.Editor));
        var slug = "scheduled-" + Guid.NewGuid().ToString("N")[..8];
        var author = (await editor.GetFromJsonAsync<JsonArray>("/manage/content/authors"))![0]!["id"]!.GetValue<Guid>();
        using var created = await editor.PostAsJsonAsync("/manage/content/articles", new
        {
            title = "Returning to running after a calf strain", slug, bodyMarkdown = "Build up gradually.",
            authorId = author, tags = new[] { "running" },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"create article: {await created.Content.ReadAsStringAsync()}");
        var id = (await created.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<Guid>();

        using var scheduled = await editor.PostAsJsonAsync($"/manage/content/articles/{id}/schedule", new { publishAt = DateTimeOffset.UtcNow.AddSeconds(2) });
        Assert.True(scheduled.StatusCode == HttpStatusCode.OK, $"schedule: {await scheduled.Content.ReadAsStringAsync()}");
        await Eventually.TrueAsync(async () =>
        {
            using var page = await _gateway.GetAsync(new Uri($"/api/content/articles/{slug}", UriKind.Relative));
            return page.StatusCode == HttpStatusCode.OK;
        }, Deadline, "the scheduled article is published on the site");
    }

    /// <summary>A checkout nobody pays for; once its payment deadline has passed, shop's sweeper cancels it.</summary>
    private async Task SweepAnUnpaidOrderAsync()
    {
        var (orderId, token) = await CheckoutAsync("treatment-packages", quantity: 1);
        await using (var db = stack.Shop.OpenDb())
        {
            await db.Orders.Where(o => o.Id == orderId)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.PaymentDueBy, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        await Eventually.TrueAsync(async () =>
        {
            var order = await GetAsync($"/api/shop/orders/{orderId}?token={Uri.EscapeDataString(token)}");
            return string.Equals((string?)order["status"], "cancelled", StringComparison.OrdinalIgnoreCase);
        }, Deadline, "the unpaid order is swept (cancelled)");
    }

    /// <summary>The shop manager stocks a new product one above its threshold; a customer's checkout takes the last one over it.</summary>
    private async Task SellDownToTheLowStockThresholdAsync()
    {
        using var manager = stack.Shop.CreateClient(TestStaff.TokenFor(StaffRoles.ShopManager));
        var sku = "BAND-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        using var created = await manager.PostAsJsonAsync("/manage/shop/products", new
        {
            sku, slug = sku.ToLowerInvariant(), name = "Resistance band", description = "Light resistance", category = "equipment",
            pricePence = 899, vatClass = "standard", kind = "physical", stock = 3, lowStockThreshold = 2,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"create product: {await created.Content.ReadAsStringAsync()}");

        await CheckoutAsync(sku: sku, quantity: 1);
        var stock = (await manager.GetFromJsonAsync<JsonArray>("/manage/shop/products"))!
            .Single(p => (string?)p!["product"]!["sku"] == sku)!["stock"]!.GetValue<int>();
        Assert.Equal(2, stock);
    }

    /// <summary>A guest's checkout of one product (the first of a category, or a SKU), unpaid; the order id and its token.</summary>
    private async Task<(Guid OrderId, string Token)> CheckoutAsync(string? category = null, string? sku = null, int quantity = 1)
    {
        if (sku is null)
        {
            var products = await GetAsync($"/api/shop/products?category={category}");
            sku = (string)products["items"]![0]!["sku"]!;
        }
        var cart = await SendAsync(HttpMethod.Post, "/api/shop/carts", new { }, HttpStatusCode.Created);
        var cartId = (string)cart["cartId"]!;
        await SendAsync(HttpMethod.Post, $"/api/shop/carts/{cartId}/items", new { sku, quantity }, HttpStatusCode.OK);
        var order = await SendAsync(HttpMethod.Post, "/api/shop/checkout", new
        {
            cartId,
            customer = new { name = "Sam Patel", email = $"sam-{Guid.NewGuid():N}@example.com" },
            shippingAddress = new { line1 = "1 Harley Street", city = "London", postcode = "W1G 9QD", country = "GB" },
        }, HttpStatusCode.Created);
        return (Guid.Parse((string)order["orderId"]!), (string)order["accessToken"]!);
    }

    private Task<JsonNode> GetAsync(string path) => _gateway.GetJsonAsync(path);

    private Task<JsonNode> SendAsync(HttpMethod method, string path, object body, HttpStatusCode expected, string? bearer = null) =>
        _gateway.SendJsonAsync(method, path, body, expected, idempotent: true, bearer);
}
