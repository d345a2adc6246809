using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Messaging.Outbox;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Tests.Api;

public sealed class StaffTests(ShopServiceFixture shop) : IClassFixture<ShopServiceFixture>
{
    private readonly HttpClient _anonymous = shop.Service.CreateClient();
    private readonly HttpClient _manager = shop.Service.CreateClient(TestStaff.TokenFor(StaffRoles.ShopManager));

    [Theory]
    [InlineData("/manage/shop/products")]
    [InlineData("/manage/shop/orders")]
    [InlineData("/manage/shop/coupons")]
    public async Task Staff_routes_need_a_token_and_the_shop_manager_role(string path)
    {
        using var editor = shop.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Editor));
        using var admin = shop.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Admin));

        using var anonymous = await _anonymous.GetAsync(new Uri(path, UriKind.Relative));
        using var wrongRole = await editor.GetAsync(new Uri(path, UriKind.Relative));
        using var asAdmin = await admin.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
    }

    [Fact]
    public async Task A_new_product_shows_in_the_cached_catalogue_and_stock_adjustments_are_recorded()
    {
        var category = "cat" + Guid.NewGuid().ToString("N")[..8];
        var listPath = new Uri($"/api/shop/products?category={category}", UriKind.Relative);
        var before = await _anonymous.GetFromJsonAsync<JsonElement>(listPath);
        Assert.Equal(0, before.GetProperty("totalCount").GetInt32());

        var sku = "KNEE-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        using var created = await _manager.PostAsJsonAsync("/manage/shop/products", new
        {
            sku, slug = sku.ToLowerInvariant(), name = "Knee support", description = "Neoprene", category, pricePence = 1_999,
            vatClass = "standard", kind = "physical", stock = 8, lowStockThreshold = 3,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var productId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("product").GetProperty("id").GetGuid();

        // The list was cached empty a moment ago; the staff change evicted it.
        var after = await _anonymous.GetFromJsonAsync<JsonElement>(listPath);
        Assert.Equal(1, after.GetProperty("totalCount").GetInt32());

        using var tooMany = await _manager.PostAsJsonAsync($"/manage/shop/products/{productId}/stock-adjustments", new { delta = -9, reason = "Stock count" });
        Assert.Equal(HttpStatusCode.Conflict, tooMany.StatusCode);
        using var noReason = await _manager.PostAsJsonAsync($"/manage/shop/products/{productId}/stock-adjustments", new { delta = -1 });
        Assert.Contains("reason", ShopClient.ErrorFields(await ShopClient.ProblemAsync(noReason, HttpStatusCode.BadRequest)));
        using var damaged = await _manager.PostAsJsonAsync($"/manage/shop/products/{productId}/stock-adjustments", new { delta = -6, reason = "Water damage" });
        Assert.Equal(HttpStatusCode.Created, damaged.StatusCode);

        await using var db = shop.Service.OpenDb();
        Assert.Equal(2, (await db.Products.AsNoTracking().SingleAsync(p => p.Id == productId)).Stock);
        var adjustment = await db.StockAdjustments.AsNoTracking().SingleAsync(a => a.ProductId == productId);
        Assert.Equal("Water damage", adjustment.Reason);
        Assert.StartsWith("staff:", adjustment.Actor, StringComparison.Ordinal);
        var stockLow = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType.Contains("StockLow")).ToListAsync();
        Assert.Single(stockLow, m => m.Payload.Contains(sku, StringComparison.Ordinal));

        using var deactivated = await _manager.PostAsync(new Uri($"/manage/shop/products/{productId}/deactivate", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.Equal(0, (await _anonymous.GetFromJsonAsync<JsonElement>(listPath)).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_paid_order_is_shipped_delivered_and_partly_then_fully_refunded()
    {
        var product = await ShopClient.AddProductAsync(shop.Service, pricePence: 2_000);
        var (orderId, token, _) = await ShopClient.CheckoutOkAsync(_anonymous, await ShopClient.CartWithAsync(_anonymous, (product.Sku, 1)));
        using (var paid = await ShopClient.PayAsync(_anonymous, orderId, token, "tok_visa"))
        {
            Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        }

        using var ship = await _manager.PostAsJsonAsync($"/manage/shop/orders/{orderId}/ship", new { trackingReference = "RM123456789GB" });
        Assert.Equal(HttpStatusCode.OK, ship.StatusCode);
        using var shipAgain = await _manager.PostAsJsonAsync($"/manage/shop/orders/{orderId}/ship", new { trackingReference = "RM123456789GB" });
        Assert.Equal(HttpStatusCode.Conflict, shipAgain.StatusCode);
        using var deliver = await _manager.PostAsync(new Uri($"/manage/shop/orders/{orderId}/deliver", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, deliver.StatusCode);

        using var tooMuch = await _manager.PostAsJsonAsync($"/manage/shop/orders/{orderId}/refunds", new { amountPence = 99_999, reason = "Goodwill" });
        Assert.Contains("amountPence", ShopClient.ErrorFields(await ShopClient.ProblemAsync(tooMuch, HttpStatusCode.UnprocessableEntity)));
        using var partial = await _manager.PostAsJsonAsync($"/manage/shop/orders/{orderId}/refunds", new { amountPence = 395, reason = "Late delivery" });
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        using var rest = await _manager.PostAsJsonAsync($"/manage/shop/orders/{orderId}/refunds", new { reason = "Returned" });
        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);

        var order = await ShopClient.GetOrderAsync(_anonymous, orderId, token);
        Assert.Equal("refunded", order.GetProperty("status").GetString());
        Assert.Equal(2_395, order.GetProperty("refundedPence").GetInt64());
        Assert.Equal(
            "pendingPayment,paid,shipped,delivered,partiallyRefunded,refunded",
            string.Join(',', order.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString())));

        using var list = await _manager.GetAsync(new Uri("/manage/shop/orders?status=refunded", UriKind.Relative));
        var page = await list.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(page.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == orderId);

        await using var db = shop.Service.OpenDb();
        var refunded = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType.Contains("OrderRefunded")).ToListAsync();
        Assert.Equal(2, refunded.Count(m => m.Payload.Contains(orderId.ToString(), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Coupons_are_created_listed_and_deactivated_with_their_rules_checked()
    {
        var code = "SPRING" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        using var invalid = await _manager.PostAsJsonAsync("/manage/shop/coupons", new { code, kind = "percentage", percentageBasisPoints = 20_000 });
        Assert.Contains("percentageBasisPoints", ShopClient.ErrorFields(await ShopClient.ProblemAsync(invalid, HttpStatusCode.BadRequest)));

        using var created = await _manager.PostAsJsonAsync("/manage/shop/coupons", new { code, kind = "fixedAmount", amountPence = 500, minimumSpendPence = 2_000, usageLimit = 100 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var duplicate = await _manager.PostAsJsonAsync("/manage/shop/coupons", new { code, kind = "fixedAmount", amountPence = 500 });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        using var deactivated = await _manager.PostAsync(new Uri($"/manage/shop/coupons/{code}/deactivate", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        var coupons = await _manager.GetFromJsonAsync<JsonElement>("/manage/shop/coupons");
        Assert.False(coupons.EnumerateArray().Single(c => c.GetProperty("code").GetString() == code).GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Staff_find_orders_by_part_of_the_email_or_by_number_and_a_bad_filter_names_its_field()
    {
        var product = await ShopClient.AddProductAsync(shop.Service);
        var mark = Guid.NewGuid().ToString("N")[..10];
        using var checkout = await ShopClient.CheckoutAsync(
            _anonymous, await ShopClient.CartWithAsync(_anonymous, (product.Sku, 1)), email: $"find_{mark}@example.com");
        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
        var placed = await checkout.Content.ReadFromJsonAsync<JsonElement>();
        var orderId = placed.GetProperty("orderId").GetGuid();
        var number = placed.GetProperty("orderNumber").GetString()!;

        async Task<IReadOnlyList<Guid>> FoundAsync(string query)
        {
            var page = await _manager.GetFromJsonAsync<JsonElement>($"/manage/shop/orders?{query}");
            return page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ToList();
        }

        Assert.Equal(orderId, Assert.Single(await FoundAsync($"customer={mark.ToUpperInvariant()}")));
        Assert.Equal(orderId, Assert.Single(await FoundAsync($"customer={Uri.EscapeDataString(number.ToLowerInvariant())}")));
        Assert.Equal(orderId, Assert.Single(await FoundAsync($"customer=find_{mark}&status=pendingPayment")));
        Assert.Empty(await FoundAsync($"customer=find_{mark}&status=shipped"));
        // An underscore is itself, not LIKE's any character: "fin__" would match "find_" as a pattern.
        Assert.Empty(await FoundAsync($"customer=fin__{mark}"));

        using var badStatus = await _manager.GetAsync(new Uri("/manage/shop/orders?status=lost", UriKind.Relative));
        Assert.Equal("status", Assert.Single(ShopClient.ErrorFields(await ShopClient.ProblemAsync(badStatus, HttpStatusCode.BadRequest))));
        using var longCustomer = await _manager.GetAsync(new Uri($"/manage/shop/orders?customer={new string('a', 201)}", UriKind.Relative));
        Assert.Equal("customer", Assert.Single(ShopClient.ErrorFields(await ShopClient.ProblemAsync(longCustomer, HttpStatusCode.BadRequest))));
        using var bothBad = await _manager.GetAsync(new Uri($"/manage/shop/orders?status=lost&customer={new string('a', 201)}", UriKind.Relative));
        Assert.Equal(["customer", "status"], ShopClient.ErrorFields(await ShopClient.ProblemAsync(bothBad, HttpStatusCode.BadRequest)).Order());
    }

    [Fact]
    public async Task A_product_edit_cannot_change_its_kind_or_stock_and_shows_in_a_literal_name_search()
    {
        var product = await ShopClient.AddProductAsync(shop.Service, stock: 7);
        var name = "Heat pack " + Guid.NewGuid().ToString("N")[..8];
        object Edit(string kind, int? stock = null) => new
        {
            slug = product.Slug, name, description = "Reusable", category = "Test", pricePence = 1_250, vatClass = "standard", kind, stock,
        };

        using var unknown = await _manager.PutAsJsonAsync($"/manage/shop/products/{Guid.NewGuid()}", Edit("physical"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var refused = await _manager.PutAsJsonAsync($"/manage/shop/products/{product.Id}", Edit("giftVoucher", stock: 3));
        var fields = ShopClient.ErrorFields(await ShopClient.ProblemAsync(refused, HttpStatusCode.BadRequest));
        Assert.Contains("kind", fields);
        Assert.Contains("stock", fields);

        using var updated = await _manager.PutAsJsonAsync($"/manage/shop/products/{product.Id}", Edit("physical"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var staffView = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(name, staffView.GetProperty("product").GetProperty("name").GetString());
        Assert.Equal(7, staffView.GetProperty("stock").GetInt32());

        var found = await _anonymous.GetFromJsonAsync<JsonElement>($"/api/shop/products?category=test&q={Uri.EscapeDataString(name[5..].ToUpperInvariant())}");
        Assert.Equal(product.Id, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var wildcard = await _anonymous.GetFromJsonAsync<JsonElement>($"/api/shop/products?category=test&q={Uri.EscapeDataString("Heat%" + name[^8..])}");
        Assert.Equal(0, wildcard.GetProperty("totalCount").GetInt32());
        var bySlug = await _anonymous.GetFromJsonAsync<JsonElement>($"/api/shop/products/{product.Slug}");
        Assert.Equal(1_250, bySlug.GetProperty("pricePence").GetInt64());
    }
}
