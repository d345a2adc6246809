using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CultureHealth.EndToEnd.Tests;

/// <summary>
/// Buying from the clinic's shop in a real browser, through the gateway, with the shop's test payment provider:
/// the order is confirmed, the receipt is emailed, a treatment package's sessions reach booking; a declined card
/// says so and keeps the cart; all of it also with the keyboard alone.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ShopJourneyTests(SiteStack site, ITestOutputHelper output)
{
    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task A_patient_buys_a_foam_roller_and_a_treatment_package_with_the_test_card(Screen screen)
    {
        var buyer = Buyer.New();
        await using var browse = await Browse.OpenAsync(site, screen, output);
        var shopper = new Shopper(browse);
        var page = browse.Page;

        await browse.VisitAsync("/shop", "shop");
        await page.GetByRole(AriaRole.Link, new() { Name = "Foam roller 45 cm" }).ClickAsync();
        await page.WaitForAddressAsync("**/shop/foam-roller-45cm");
        await browse.CheckAsync("product");
        var details = await page.Locator("main").InnerTextAsync();
        Assert.Contains("£24.99", details);
        Assert.Contains("Includes VAT of £4.17 (20%)", details);
        Assert.Contains("In stock", details);

        await shopper.AddToCartAsync("foam-roller-45cm", 2, "product");
        await browse.CheckAsync("product-added");
        Assert.Equal("filled", await shopper.MiniCartStateAsync());
        await shopper.AddToCartAsync("five-follow-up-sessions", 1, "product-package");
        Assert.Contains("5 sessions", await page.Locator("main").InnerTextAsync());

        await shopper.CheckOutAsync(buyer, "buy");
        // Two rollers (£49.98, under the £50 free-delivery line) + delivery £3.95 + the package £275 (VAT exempt):
        // VAT is the sixth of the rollers and of delivery only.
        var summary = await page.Locator(".order-summary").InnerTextAsync();
        Assert.Contains("£328.93", summary);
        Assert.Contains("£8.99", summary);

        await shopper.PayAsync(Shopper.VisaApproved);
        await page.WaitForAddressAsync("**/checkout/confirmation");
        await browse.CheckAsync("confirmation");
        Assert.Equal("Thank you, your order is confirmed", await page.Locator("h1").InnerTextAsync());
        var number = await shopper.OrderNumberAsync();
        var confirmation = await page.Locator("main").InnerTextAsync();
        Assert.Contains("5 sessions are", confirmation);
        Assert.Contains(buyer.Email, confirmation);
        Assert.Equal("empty", await shopper.MiniCartStateAsync());

        // The order's private status link: noindex, and its URL is never sent on as a Referer.
        var statusLink = await page.GetByRole(AriaRole.Link, new() { Name = $"Order {number} status" }).GetAttributeAsync("href");
        Assert.Matches(@"^/orders/[0-9a-f-]{36}\?token=", statusLink);
        var status = await browse.VisitAsync(statusLink!, "order-status");
        Assert.Equal("no-referrer", await status.HeaderValueAsync("referrer-policy"));
        Assert.Equal("noindex", await page.Locator("meta[name=robots]").GetAttributeAsync("content"));
        Assert.Contains("Paid", await page.Locator(".order-status").InnerTextAsync());

        var receipt = await Moderation.EmailToAsync(site, buyer.Email, TimeSpan.FromSeconds(60), m => m.Subject?.Contains(number, StringComparison.Ordinal) == true);
        Assert.Equal($"Your receipt for order {number}", receipt.Subject);
        Assert.Contains("£328.93", receipt.TextBody ?? receipt.HtmlBody);

        // shop → OrderPaid → booking: the package's five follow-up sessions are the buyer's to book with.
        var grant = await Eventually.GetAsync(async () =>
        {
            await using var booking = site.Booking.OpenDb();
            return await booking.CreditGrants.AsNoTracking().SingleOrDefaultAsync(g => g.OrderNumber == number);
        }, g => g is not null, TimeSpan.FromSeconds(60), $"booking credited order {number}'s sessions");
        Assert.Equal(buyer.Email, grant!.CustomerEmail);
        Assert.Equal("follow-up", grant.AppointmentTypeCode);
        Assert.Equal(5, grant.Remaining);
    }

    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task A_declined_card_says_so_keeps_the_cart_and_another_card_then_pays(Screen screen)
    {
        var buyer = Buyer.New("Alex Declined");
        await using var browse = await Browse.OpenAsync(site, screen, output);
        var shopper = new Shopper(browse);
        var page = browse.Page;

        await shopper.AddToCartAsync("spiky-massage-ball", 1, "product-ball");
        await shopper.CheckOutAsync(buyer, "declined");
        await shopper.PayAsync(Shopper.CardDeclined);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your card was declined, so no money has been taken");
        await page.LoadedAsync();
        Assert.EndsWith("/checkout/payment", page.Url, StringComparison.Ordinal);
        await browse.CheckAsync("payment-declined");
        var alert = await page.GetByRole(AriaRole.Alert).InnerTextAsync();
        Assert.Contains("your cart are kept", alert);
        Assert.Equal("filled", await shopper.MiniCartStateAsync());

        await browse.VisitAsync("/cart", "cart-awaiting-payment");
        Assert.Contains("Spiky massage ball", await page.Locator(".cart-lines").InnerTextAsync());
        var number = await shopper.OrderNumberAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Pay for order {number}" }).ClickAsync();
        await page.WaitForAddressAsync("**/checkout/payment");
        await shopper.PayAsync(Shopper.VisaApproved);
        await page.WaitForAddressAsync("**/checkout/confirmation");
        Assert.Equal(number, await shopper.OrderNumberAsync());
        Assert.Equal("empty", await shopper.MiniCartStateAsync());

        await using (var shop = site.Shop.OpenDb())
        {
            var orders = await shop.Orders.AsNoTracking().Where(o => o.CustomerEmail == buyer.Email).ToListAsync();
            Assert.Equal("Paid", Assert.Single(orders).Status.ToString());
        }

        // The status link works only with the order's own token.
        var statusLink = await page.GetByRole(AriaRole.Link, new() { Name = $"Order {number} status" }).GetAttributeAsync("href");
        Assert.NotNull(statusLink);
        var orderPath = statusLink[..statusLink.IndexOf('?', StringComparison.Ordinal)];
        await browse.VisitAsync(orderPath, "order-no-token", status: 404);
        await browse.VisitAsync(orderPath + "?token=" + new string('A', 43), "order-wrong-token", status: 404);
    }

    [Fact]
    public async Task A_keyboard_alone_buys_a_resistance_band_set()
    {
        var buyer = Buyer.New("Kim Keyboard");
        await using var browse = await Browse.OpenAsync(site, Screen.Desktop, output);
        var page = browse.Page;
        var keys = new Keyboard(page);

        await browse.VisitAsync("/shop/resistance-band-set", "keyboard-product");
        await keys.TabToAsync(page.GetByLabel("Quantity", new() { Exact = true }));
        await keys.ReplaceAsync("2");
        await keys.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }));
        await keys.PressAsync("Enter");
        await page.WaitForAddressAsync("**/shop/resistance-band-set?added=2*");

        await keys.TabToAsync(page.Locator("#added").GetByRole(AriaRole.Link, new() { Name = "View cart" }));
        await keys.PressAsync("Enter");
        await page.WaitForAddressAsync("**/cart");
        await keys.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Proceed to checkout" }));
        await keys.PressAsync("Enter");
        await page.WaitForAddressAsync("**/checkout");

        await keys.TabToAsync(page.GetByLabel("Full name"));
        await keys.TypeAsync(buyer.Name);
        await keys.PressAsync("Tab");
        await keys.TypeAsync(buyer.Email);
        await keys.TabToAsync(page.GetByLabel("Address line 1"));
        await keys.TypeAsync(buyer.Line1);
        await keys.TabToAsync(page.GetByLabel("Town or city"));
        await keys.TypeAsync(buyer.City);
        await keys.PressAsync("Tab");
        await keys.TypeAsync(buyer.Postcode);
        await keys.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Continue to payment" }));
        await keys.PressAsync("Enter");
        await page.WaitForAddressAsync("**/checkout/payment");
        await browse.CheckAsync("keyboard-payment");

        // The approved card is chosen already; arrow keys move the choice within the card group.
        await keys.TabToAsync(page.GetByLabel(Shopper.VisaApproved));
        await keys.PressAsync("ArrowDown");
        Assert.True(await page.GetByLabel(Shopper.CardDeclined).IsCheckedAsync());
        await keys.PressAsync("ArrowUp");
        Assert.True(await page.GetByLabel(Shopper.VisaApproved).IsCheckedAsync());
        // Two band sets (£29.98) and UK delivery (£3.95).
        await keys.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Pay £33.93" }));
        await keys.PressAsync("Enter");
        await page.WaitForAddressAsync("**/checkout/confirmation");
        await browse.CheckAsync("keyboard-confirmation");
        Assert.Equal("Thank you, your order is confirmed", await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task A_gift_voucher_is_bought_with_javascript_off_and_its_code_is_emailed()
    {
        var buyer = Buyer.New("Jo Nojs");
        await using var browse = await Browse.OpenAsync(site, Screen.Desktop, output, javaScript: false);
        var page = browse.Page;

        await page.GotoAsync("/shop/gift-voucher-25");
        await page.GetByLabel("Quantity", new() { Exact = true }).FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await page.WaitForAddressAsync("**/shop/gift-voucher-25?added=1*");
        await page.GotoAsync("/cart");
        await page.GetByRole(AriaRole.Link, new() { Name = "Proceed to checkout" }).ClickAsync();
        await page.WaitForAddressAsync("**/checkout");
        // Nothing to post: no address, no delivery.
        Assert.Equal(0, await page.GetByLabel("Postcode").CountAsync());
        Assert.DoesNotContain("UK delivery", await page.Locator(".order-summary").InnerTextAsync());
        await new Shopper(browse).FillDetailsAsync(buyer);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to payment" }).ClickAsync();
        await page.WaitForAddressAsync("**/checkout/payment");
        await new Shopper(browse).PayAsync(Shopper.VisaApproved);
        await page.WaitForAddressAsync("**/checkout/confirmation");
        await browse.ScreenshotAsync("nojs-confirmation");
        Assert.Equal("Thank you, your order is confirmed", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("gift voucher code is emailed", await page.Locator("main").InnerTextAsync());
        var number = await new Shopper(browse).OrderNumberAsync();

        var voucher = await Moderation.EmailToAsync(site, buyer.Email, TimeSpan.FromSeconds(60),
            m => m.Subject?.Contains("gift voucher", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Equal($"Your gift voucher from order {number}", voucher.Subject);
    }
}
