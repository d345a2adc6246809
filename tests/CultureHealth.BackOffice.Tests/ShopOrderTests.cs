using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.BackOffice.Web;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.BackOffice.Tests;

/// <summary>Shop orders at the HTTP level: a paid order is listed to post, shipped with a tracking reference and refunded in part.</summary>
public sealed class ShopOrderTests(BackOfficeStack stack) : IClassFixture<BackOfficeStack>
{
    [Fact]
    public async Task A_shop_manager_ships_a_paid_order_and_refunds_part_of_it_without_script()
    {
        var (orderId, number) = await PaidOrderAsync();
        var (email, password) = await stack.CreateStaffAsync("shop-manager");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();

        using (var list = await browser.GetAsync("/admin/shop"))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Contains(number, browser.LastPage, StringComparison.Ordinal);
            Assert.DoesNotContain("There is a problem", browser.LastPage, StringComparison.Ordinal);
        }
        (await browser.GetAsync($"/admin/shop/orders/{orderId}")).Dispose();
        Assert.Contains("1 Harley Street", browser.LastPage, StringComparison.Ordinal);

        using (var missing = await browser.PostFormAsync($"/admin/shop/orders/{orderId}?handler=Ship", new Dictionary<string, string> { ["TrackingReference"] = " " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.Contains("Enter the courier", browser.LastPage, StringComparison.Ordinal);
        }
        using (var shipped = await browser.PostFormAsync($"/admin/shop/orders/{orderId}?handler=Ship", new Dictionary<string, string> { ["TrackingReference"] = "RM123456789GB" }))
        {
            Assert.Equal($"/admin/shop/orders/{orderId}?done=order-shipped", shipped.Headers.Location?.OriginalString);
        }

        (await browser.GetAsync($"/admin/shop/orders/{orderId}?done=order-shipped")).Dispose();
        Assert.Contains(Notices.Text("order-shipped")!, WebUtility.HtmlDecode(browser.LastPage), StringComparison.Ordinal);
        using (var wrong = await browser.PostFormAsync($"/admin/shop/orders/{orderId}?handler=Refund",
            new Dictionary<string, string> { ["RefundAmount"] = "five pounds", ["RefundReason"] = "Box arrived damaged" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("Enter an amount in pounds", browser.LastPage, StringComparison.Ordinal);
        }
        using (var refunded = await browser.PostFormAsync($"/admin/shop/orders/{orderId}?handler=Refund",
            new Dictionary<string, string> { ["RefundAmount"] = "5.00", ["RefundReason"] = "Box arrived damaged" }))
        {
            Assert.Equal($"/admin/shop/orders/{orderId}?done=order-refunded", refunded.Headers.Location?.OriginalString);
        }

        await using var db = stack.Shop!.OpenDb();
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId);
        Assert.Equal("RM123456789GB", order.TrackingReference);
        Assert.Equal(500, order.RefundedPence);

        var audit = await stack.AuditAsync(email);
        Assert.Contains(audit, a => a.Action == $"POST /shop/orders/{orderId}/ship" && a.Status == 200);
        Assert.Contains(audit, a => a.Action == $"POST /shop/orders/{orderId}/refunds" && a.Status == 200);
    }

    [Fact]
    public async Task Refunding_an_order_that_bought_gift_vouchers_offers_the_spent_value_override_which_needs_a_reason()
    {
        var (orderId, _) = await PaidOrderAsync(ProductKind.GiftVoucher);
        var (email, password) = await stack.CreateStaffAsync("shop-manager");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        (await browser.GetAsync($"/admin/shop/orders/{orderId}")).Dispose();
        Assert.Contains("name=\"OverrideSpentVouchers\"", browser.LastPage, StringComparison.Ordinal);
        using (var noReason = await browser.PostFormAsync($"/admin/shop/orders/{orderId}?handler=Refund", new Dictionary<string, string>
        {
            ["RefundReason"] = "Bought by mistake", ["OverrideSpentVouchers"] = "true",
        }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Contains("Say why spent voucher value is refunded", browser.LastPage, StringComparison.Ordinal);
        }
        using var refunded = await browser.PostFormAsync($"/admin/shop/orders/{orderId}?handler=Refund", new Dictionary<string, string>
        {
            ["RefundReason"] = "Bought by mistake", ["OverrideSpentVouchers"] = "true", ["OverrideReason"] = "Customer gave it back unused",
        });
        Assert.Equal($"/admin/shop/orders/{orderId}?done=order-refunded", refunded.Headers.Location?.OriginalString);
        await using var db = stack.Shop!.OpenDb();
        Assert.Equal(2_499, (await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId)).RefundedPence);
        Assert.Contains(await stack.AuditAsync(email), a => a.Action == $"POST /shop/orders/{orderId}/refunds" && a.Status == 200);
    }

    [Fact]
    public async Task An_editor_is_not_shown_the_shop_and_typing_an_order_address_gets_the_403_page()
    {
        var (email, password) = await stack.CreateStaffAsync("editor");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        (await browser.GetAsync("/admin/")).Dispose();
        Assert.DoesNotContain("href=\"/admin/shop\"", browser.LastPage, StringComparison.Ordinal);
        using var typed = await browser.GetAsync($"/admin/shop/orders/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.Forbidden, typed.StatusCode);
    }

    [Fact]
    public async Task A_shop_manager_finds_orders_by_part_of_the_customers_email_or_the_order_number_in_any_status()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var (wanted, number) = await PaidOrderAsync(customerEmail: $"find.{tag}@example.com");
        var (_, other) = await PaidOrderAsync(customerEmail: $"other.{tag}@example.com");
        var (email, password) = await stack.CreateStaffAsync("shop-manager");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        (await browser.GetAsync($"/admin/shop/orders/{wanted}")).Dispose();
        using (var shipped = await browser.PostFormAsync($"/admin/shop/orders/{wanted}?handler=Ship", new Dictionary<string, string> { ["TrackingReference"] = "RM000000001GB" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, shipped.StatusCode);
        }

        using (var byEmail = await browser.GetAsync($"/admin/shop?customer=FIND.{tag}"))
        {
            Assert.Equal(HttpStatusCode.OK, byEmail.StatusCode);
        }
        Assert.Contains(number, browser.LastPage, StringComparison.Ordinal);
        Assert.DoesNotContain(other, browser.LastPage, StringComparison.Ordinal);

        (await browser.GetAsync($"/admin/shop?customer={Uri.EscapeDataString(other.ToLowerInvariant())}")).Dispose();
        Assert.Contains(other, browser.LastPage, StringComparison.Ordinal);
        Assert.DoesNotContain(number, browser.LastPage, StringComparison.Ordinal);

        // What staff type is text, not a pattern: "%" finds nothing rather than everything.
        (await browser.GetAsync("/admin/shop?customer=%25")).Dispose();
        Assert.Contains("No orders here.", browser.LastPage, StringComparison.Ordinal);

        // Status and search together: the shipped order is not among those to post.
        (await browser.GetAsync($"/admin/shop?status=paid&customer=find.{tag}")).Dispose();
        Assert.DoesNotContain(number, browser.LastPage, StringComparison.Ordinal);
    }

    /// <summary>A customer's order through the shop's public API: a physical product, posted to an address, paid by card.</summary>
    private async Task<(Guid OrderId, string Number)> PaidOrderAsync(ProductKind kind = ProductKind.Physical, string customerEmail = "sam@example.com")
    {
        var sku = "BO-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await using (var db = stack.Shop!.OpenDb())
        {
            db.Products.Add(new Product
            {
                Id = Guid.NewGuid(), Sku = sku, Slug = sku.ToLowerInvariant(), Name = "Foam roller " + sku, Description = "For tests", Category = "test",
                PricePence = 2_499, VatClass = kind == ProductKind.GiftVoucher ? VatClass.Exempt : VatClass.Standard, Kind = kind,
                Stock = kind == ProductKind.Physical ? 10 : null, Active = true,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        using var shop = stack.Shop.CreateClient();
        using var cart = await shop.PostAsync(new Uri("/api/shop/carts", UriKind.Relative), null);
        var cartId = (await cart.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cartId").GetString();
        using (var added = await shop.PostAsJsonAsync($"/api/shop/carts/{cartId}/items", new { sku, quantity = 1 }))
        {
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }
        using var checkout = new HttpRequestMessage(HttpMethod.Post, "/api/shop/checkout")
        {
            Content = JsonContent.Create(new
            {
                cartId, customer = new { name = "Sam Patel", email = customerEmail },
                shippingAddress = kind == ProductKind.Physical ? new { line1 = "1 Harley Street", city = "London", postcode = "W1G 9QD", country = "GB" } : null,
            }),
        };
        checkout.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var placed = await shop.SendAsync(checkout);
        Assert.True(placed.StatusCode == HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
        var order = await placed.Content.ReadFromJsonAsync<JsonElement>();
        var orderId = order.GetProperty("orderId").GetGuid();
        using var pay = new HttpRequestMessage(HttpMethod.Post, $"/api/shop/orders/{orderId}/payments")
        {
            Content = JsonContent.Create(new { paymentToken = "tok_visa", orderToken = order.GetProperty("accessToken").GetString() }),
        };
        pay.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var paid = await shop.SendAsync(pay);
        Assert.True(paid.IsSuccessStatusCode, await paid.Content.ReadAsStringAsync());
        await using var check = stack.Shop.OpenDb();
        var row = await check.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId);
        Assert.True(row.Status is OrderStatus.Paid or OrderStatus.Completed, row.Status.ToString());
        return (orderId, row.Number);
    }
}
