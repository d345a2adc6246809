using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using CultureHealth.Storefront.Seo;
using CultureHealth.Storefront.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Checkout;

/// <summary>What the visitor typed into the checkout form (names as the form posts them).</summary>
public sealed class CheckoutForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? City { get; set; }
    public string? Postcode { get; set; }
    public string? GiftVoucherCode { get; set; }

    /// <summary>
    /// Made once per form render and sent as the checkout's Idempotency-Key: the same form sent twice (a double
    /// click, a retry after a timeout) is one order. A new one is made only after the shop has said no.
    /// </summary>
    public string? IdempotencyKey { get; set; }
}

/// <summary>
/// /checkout: who is buying, where to post physical goods (UK only; the shop checks the postcode), an optional
/// gift voucher; then the order is placed and the visitor goes on to pay. The order's token goes into an HttpOnly
/// cookie (never the URL): the payment and confirmation steps read it from there. A signed-in patient's form starts
/// with their saved name and proven address (from the patients service), which they may change.
/// </summary>
public sealed class IndexModel(ShopApi shop, ShopSession session, PatientsApi patients) : SitePage
{
    public Api.Cart Cart { get; private set; } = null!;
    public bool Unavailable { get; private set; }
    public Order? AwaitingPayment { get; private set; }

    [BindProperty]
    public CheckoutForm Form { get; set; } = new();

    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } early)
        {
            return early;
        }
        Form.IdempotencyKey = NewKey();
        await StartWithSavedDetailsAsync(ct);
        return Page();
    }

    /// <summary>
    /// Only filled in, never saved back: what the patient changes here is for this order. Without saved details (a
    /// guest, an ended sign-in, the patients service away) the fields start empty, as they always did.
    /// </summary>
    private async Task StartWithSavedDetailsAsync(CancellationToken ct)
    {
        if (!Unavailable && await patients.SavedDetailsAsync(PatientSession.Token(Request), ct) is { } saved)
        {
            (Form.Name, Form.Email) = (saved.Name, saved.Email);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } early)
        {
            return early;
        }
        if (Unavailable)
        {
            return Page();
        }
        Form.IdempotencyKey = string.IsNullOrWhiteSpace(Form.IdempotencyKey) ? NewKey() : Form.IdempotencyKey.Trim();
        var reply = await PlaceAsync(session.CartToken!, ct);
        if (reply.CartCheckedOut && await session.ReopenCartAsync(ct) is { } reopened)
        {
            // This cart already became an order (the visitor came back after a declined card and changed their
            // details): a copy of it becomes a new order, and the unpaid one lapses on its own.
            reply = await PlaceAsync(reopened, ct);
        }
        switch (reply.Outcome)
        {
            case ShopOutcome.Ok:
                var placed = reply.Value!;
                session.RememberOrder(placed.OrderId, placed.AccessToken);
                if (placed.Order.IsPaid)
                {
                    // A gift voucher paid for all of it: there is nothing to pay by card.
                    session.ForgetCart();
                    return Redirect(SiteRoutes.CheckoutConfirmation);
                }
                return Redirect(SiteRoutes.CheckoutPayment);
            case ShopOutcome.Invalid:
                ShowFieldErrors(reply.Problem);
                break;
            case ShopOutcome.Conflict:
                Problem = (reply.Problem?.Detail ?? "Something in your cart changed.") + " Please check your cart.";
                break;
            case ShopOutcome.NotFound:
                // The cart expired (a week unused): there is nothing to order.
                session.ForgetCart();
                return Redirect(SiteRoutes.Cart);
            case ShopOutcome.TooMany:
                Problem = reply.Problem?.Detail ?? "There have been too many orders from here in a short time. Please wait a few minutes and try again.";
                break;
            default:
                Problem = "We could not reach the shop to place your order. Your details are kept below: please try again in a moment. "
                    + "If the order did go through, trying again will not place it twice.";
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                // Same key: if the shop did place the order, the retry is answered with that order.
                return Page();
        }
        // The shop said no, so nothing was placed: the next attempt is a new request.
        Form.IdempotencyKey = NewKey();
        return Page();
    }

    private Task<ShopReply<PlacedOrder>> PlaceAsync(string cartToken, CancellationToken ct)
    {
        var address = Cart.NeedsDelivery
            ? new CheckoutAddress(Clean(Form.Line1), Clean(Form.Line2), Clean(Form.City), Clean(Form.Postcode), "GB")
            : null;
        var request = new CheckoutRequest(cartToken, new CheckoutCustomer(Clean(Form.Name), Clean(Form.Email)), address, Clean(Form.GiftVoucherCode));
        return shop.CheckoutAsync(request, Form.IdempotencyKey!, ct);
    }

    /// <summary>The shop's field names and the form's.</summary>
    private static readonly (string Api, string Field)[] FieldNames =
    [
        ("customer.name", nameof(CheckoutForm.Name)), ("customer.email", nameof(CheckoutForm.Email)),
        ("shippingAddress", nameof(CheckoutForm.Line1)), ("shippingAddress.line1", nameof(CheckoutForm.Line1)),
        ("shippingAddress.line2", nameof(CheckoutForm.Line2)), ("shippingAddress.city", nameof(CheckoutForm.City)),
        ("shippingAddress.postcode", nameof(CheckoutForm.Postcode)), ("shippingAddress.country", nameof(CheckoutForm.Postcode)),
        ("giftVoucherCode", nameof(CheckoutForm.GiftVoucherCode)),
    ];

    /// <summary>The shop says "Required."; next to the field the page asks for it in words.</summary>
    private static readonly Dictionary<string, string> MissingField = new(StringComparer.Ordinal)
    {
        [nameof(CheckoutForm.Name)] = "Enter your full name.",
        [nameof(CheckoutForm.Email)] = "Enter your email address.",
        [nameof(CheckoutForm.Line1)] = "Enter the first line of your address.",
        [nameof(CheckoutForm.City)] = "Enter your town or city.",
        [nameof(CheckoutForm.Postcode)] = "Enter your postcode.",
    };

    private void ShowFieldErrors(ApiProblem? problem)
    {
        foreach (var (api, field) in FieldNames)
        {
            if (problem?.ErrorFor(api) is { } message && !FieldErrors.ContainsKey(field))
            {
                FieldErrors[field] = message == "Required." && MissingField.TryGetValue(field, out var ask) ? ask : message;
            }
        }
        Problem = FieldErrors.Count > 0
            ? "Please correct the highlighted " + (FieldErrors.Count == 1 ? "field." : "fields.")
            : problem?.ErrorFor("couponCode") is { } coupon ? coupon + " Remove the code in your cart to carry on."
            : problem?.Detail ?? "Please check your details.";
    }

    public string? ErrorFor(string field) => FieldErrors.GetValueOrDefault(field);

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Meta.Title = "Checkout";
        Meta.Description = "Your details and delivery address for your Cultural Health Club order.";
        Meta.NoIndex = true;
        Response.Headers.CacheControl = "no-cache, no-store";
        var cart = await session.CartAsync(ct);
        if (cart.IsUnavailable)
        {
            Unavailable = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "30";
            return null;
        }
        if (!cart.IsOk || cart.Value!.IsEmpty)
        {
            return Redirect(SiteRoutes.Cart);
        }
        Cart = cart.Value;
        if (session.Order is { } ticket && (await shop.OrderAsync(ticket.OrderId, ticket.Token, ct)) is { IsOk: true } order && order.Value!.AwaitsPayment)
        {
            AwaitingPayment = order.Value;
        }
        Trail(new Breadcrumb("Cart", SiteRoutes.Cart), new Breadcrumb("Checkout", SiteRoutes.Checkout));
        return null;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string NewKey() => Guid.NewGuid().ToString();
}
