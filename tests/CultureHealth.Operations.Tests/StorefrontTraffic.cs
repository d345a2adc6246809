using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;

namespace CultureHealth.Operations.Tests;

/// <summary>
/// What a morning at the clinic looks like through the gateway (the same journeys as bench/traffic.sh), plus the
/// staff follow-ups (moderation, a refund) on the services' manage APIs, so the business counters have values, and
/// the things that go wrong (a search finding no slot, sign-in attempts past the rate limit, a service the gateway
/// cannot reach), so the series that count them exist with the label values the dashboards select.
/// </summary>
public sealed class StorefrontTraffic(MetricsStack stack)
{
    private readonly HttpClient _gateway = stack.GatewayClient();

    public async Task RunAsync()
    {
        await ViewPagesAsync();
        await CommentAndModerateAsync();
        var orderId = await BuyTreatmentPackageAsync();
        await RefundAsync(orderId);
        await FailCheckoutAsync();
        await BookRescheduleAndCancelAsync();
        await AskForAnEmailCodeAsync();
        await SearchAWeekWithNoSlotAsync();
        await SignInPastTheRateLimitAsync();
        await CallAnUnreachableServiceAsync();
    }

    /// <summary>A patient asks the patients service for a sign-in code (its proof counters and HTTP series).</summary>
    private async Task AskForAnEmailCodeAsync() =>
        await SendAsync(HttpMethod.Post, "/api/patients/email-proofs", new { email = $"reader-{Guid.NewGuid():N}@example.com" }, HttpStatusCode.Accepted);

    /// <summary>A visitor on the website (through the gateway's catch-all route), so its request series exist.</summary>
    private async Task ViewPagesAsync()
    {
        foreach (var path in new[] { "/", "/articles", "/shop", "/book" })
        {
            using var page = await _gateway.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    private async Task SearchAWeekWithNoSlotAsync()
    {
        var types = await GetAsync("/api/booking/appointment-types");
        var type = (types as JsonArray ?? types["items"]!.AsArray())[0]!;
        // A week long past: every slot in it is gone.
        var week = await GetAsync($"/api/booking/availability?appointmentTypeId={type["id"]}&from=2020-01-06&to=2020-01-12");
        Assert.All(week["practitioners"]!.AsArray(), p => Assert.Empty(p!["slots"]!.AsArray()));
    }

    private async Task SignInPastTheRateLimitAsync()
    {
        // The stack allows two sign-in attempts a minute per address: keep failing until the gateway answers 429.
        await Eventually.TrueAsync(async () =>
        {
            using var response = await _gateway.PostAsJsonAsync("/api/admin/auth/login", new { email = "nobody@example.com", password = "wrong password" });
            return response.StatusCode == HttpStatusCode.TooManyRequests;
        }, TimeSpan.FromSeconds(90), "sign-in attempts rate limited");
    }

    private async Task CallAnUnreachableServiceAsync()
    {
        using var response = await _gateway.GetAsync(new Uri(MetricsStack.UnreachablePath + "/anything", UriKind.Relative));
        // 503 with the service-unavailable problem and Retry-After (docs/hardening.md), no longer YARP's bare 502.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private async Task CommentAndModerateAsync()
    {
        var articles = await GetAsync("/api/content/articles?pageSize=5");
        var slug = (string)articles["items"]![0]!["slug"]!;
        await GetAsync($"/api/content/articles/{slug}");
        var accepted = await SendAsync(HttpMethod.Post, $"/api/content/articles/{slug}/comments", new
        {
            authorName = "Metric Reader",
            authorEmail = $"reader-{Guid.NewGuid():N}@example.com",
            body = "Does this stretch help with a stiff lower back after running?",
        }, HttpStatusCode.Accepted);
        using var editor = stack.Content.CreateClient(TestStaff.TokenFor(StaffRoles.Editor));
        using var approved = await editor.PostAsync(new Uri($"/manage/content/comments/{accepted["id"]}/approve", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
    }

    private async Task<string> BuyTreatmentPackageAsync()
    {
        var products = await GetAsync("/api/shop/products?category=treatment-packages");
        var sku = (string)products["items"]![0]!["sku"]!;
        var cart = await SendAsync(HttpMethod.Post, "/api/shop/carts", new { }, HttpStatusCode.Created);
        var cartId = (string)cart["cartId"]!;
        await SendAsync(HttpMethod.Post, $"/api/shop/carts/{cartId}/items", new { sku, quantity = 1 }, HttpStatusCode.OK);
        var order = await SendAsync(HttpMethod.Post, "/api/shop/checkout", new
        {
            cartId,
            customer = new { name = "Pat Example", email = $"pat-{Guid.NewGuid():N}@example.com" },
        }, HttpStatusCode.Created, idempotent: true);
        var orderId = (string)order["orderId"]!;
        var payment = await SendAsync(HttpMethod.Post, $"/api/shop/orders/{orderId}/payments", new { paymentToken = "tok_visa", orderToken = (string)order["accessToken"]! },
            HttpStatusCode.Created, idempotent: true);
        Assert.Equal("succeeded", ((string)payment["status"]!).ToLowerInvariant());
        return orderId;
    }

    private async Task RefundAsync(string orderId)
    {
        using var manager = stack.Shop.CreateClient(TestStaff.TokenFor(StaffRoles.ShopManager));
        using var refund = await manager.PostAsJsonAsync($"/manage/shop/orders/{orderId}/refunds", new { reason = "Moved away", amountPence = 100 });
        Assert.Equal(HttpStatusCode.OK, refund.StatusCode);
    }

    private async Task FailCheckoutAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/shop/checkout")
        {
            Content = JsonContent.Create(new { cartId = "no-such-cart-token", customer = new { name = "Pat", email = "pat@example.com" } }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await _gateway.SendAsync(request);
        Assert.False(response.IsSuccessStatusCode);
    }

    private async Task BookRescheduleAndCancelAsync()
    {
        var types = await GetAsync("/api/booking/appointment-types");
        var list = types as JsonArray ?? types["items"]!.AsArray();
        var type = list.First(t => t!["practitionerIds"]!.AsArray().Count > 0)!;
        // Far enough ahead that a patient may still move and cancel it free of charge.
        var from = DateTime.UtcNow.Date.AddDays(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateTime.UtcNow.Date.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var availability = await GetAsync($"/api/booking/availability?appointmentTypeId={type["id"]}&from={from}&to={to}");
        var practitioner = availability["practitioners"]!.AsArray().First(p => p!["slots"]!.AsArray().Count >= 2)!;
        var slots = practitioner["slots"]!.AsArray();
        // A patient signed in with a proven address: confirmed at once, and the reply carries the manage token.
        var created = await SendAsync(HttpMethod.Post, "/api/booking/bookings", new
        {
            appointmentTypeId = type["id"]!.GetValue<Guid>(),
            practitionerId = practitioner["practitionerId"]!.GetValue<Guid>(),
            start = (string)slots[0]!["start"]!,
            patient = new { name = "Pat Example", email = "pat@example.com", phone = "07700 900123" },
        }, HttpStatusCode.Created, idempotent: true, bearer: TestPatients.TokenFor("pat@example.com"));
        var id = (string)created["booking"]!["id"]!;
        var token = Uri.EscapeDataString((string)created["manageToken"]!);
        await SendAsync(HttpMethod.Post, $"/api/booking/bookings/{id}/reschedule?token={token}", new { start = (string)slots[^1]!["start"]! }, HttpStatusCode.OK);
        await SendAsync(HttpMethod.Post, $"/api/booking/bookings/{id}/cancel?token={token}", new { }, HttpStatusCode.OK);
    }

    private Task<JsonNode> GetAsync(string path) => _gateway.GetJsonAsync(path);

    private Task<JsonNode> SendAsync(HttpMethod method, string path, object body, HttpStatusCode expected, bool idempotent = false, string? bearer = null) =>
        _gateway.SendJsonAsync(method, path, body, expected, idempotent, bearer);
}
