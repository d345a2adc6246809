using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CultureHealth.EndToEnd.Tests;

/// <summary>Who is buying, as they type it into the checkout form.</summary>
public sealed record Buyer(string Name, string Email, string Line1 = "14 Exmouth Market", string City = "London", string Postcode = "EC1R 4QE")
{
    public static Buyer New(string name = "Sam Runner") => new(name, $"buyer.{Guid.NewGuid():N}@example.com");
}

/// <summary>
/// One visitor's steps through the shop, found by role and label as a person finds them; each page on the
/// way is checked (no console errors, axe) and saved as a screenshot by <see cref="Browse"/>.
/// </summary>
public sealed partial class Shopper(Browse browse)
{
    public const string VisaApproved = "Visa ending 4242";
    public const string CardDeclined = "Mastercard ending 0002";

    private IPage Page => browse.Page;

    public async Task AddToCartAsync(string slug, int quantity, string screenshot)
    {
        await browse.VisitAsync($"/shop/{slug}", screenshot);
        await Page.GetByLabel("Quantity", new() { Exact = true }).FillAsync(quantity.ToString(CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await Page.WaitForAddressAsync(new Regex($"/shop/{Regex.Escape(slug)}\\?added={quantity}"));
        Assert.Contains("added to your cart", await Page.Locator("#added").InnerTextAsync());
    }

    /// <summary>From the cart to the payment page: fills in the checkout form and places the order.</summary>
    public async Task CheckOutAsync(Buyer buyer, string screenshotPrefix)
    {
        await browse.VisitAsync("/cart", screenshotPrefix + "-cart");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Proceed to checkout" }).ClickAsync();
        await Page.WaitForAddressAsync("**/checkout");
        await browse.CheckAsync(screenshotPrefix + "-checkout");
        await FillDetailsAsync(buyer);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue to payment" }).ClickAsync();
        await Page.WaitForAddressAsync("**/checkout/payment");
        await browse.CheckAsync(screenshotPrefix + "-payment");
    }

    public async Task FillDetailsAsync(Buyer buyer)
    {
        await Page.GetByLabel("Full name").FillAsync(buyer.Name);
        await Page.GetByLabel("Email address").FillAsync(buyer.Email);
        if (await Page.GetByLabel("Postcode").CountAsync() > 0)
        {
            await Page.GetByLabel("Address line 1").FillAsync(buyer.Line1);
            await Page.GetByLabel("Town or city").FillAsync(buyer.City);
            await Page.GetByLabel("Postcode").FillAsync(buyer.Postcode);
        }
    }

    /// <summary>Pays on the payment page with one of the test cards; the caller waits for the page the card leads to.</summary>
    public async Task PayAsync(string card)
    {
        await Page.GetByLabel(card).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = PayButton() }).ClickAsync();
    }

    /// <summary>The order number the page shows ("CH-20261129-ABC123").</summary>
    public async Task<string> OrderNumberAsync() =>
        OrderNumber().Match(await Page.Locator("main").InnerTextAsync()).Value is { Length: > 0 } number
            ? number
            : throw new InvalidOperationException("No order number on " + Page.Url);

    public Task<string?> MiniCartStateAsync() => Page.Locator("[data-mini-cart]").GetAttributeAsync("data-mini-cart");

    [GeneratedRegex(@"^Pay £")]
    private static partial Regex PayButton();

    [GeneratedRegex(@"CH-\d{8}-[A-Z0-9]{6}")]
    private static partial Regex OrderNumber();
}
