using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Checkout;

/// <summary>A card the shop's built-in test provider knows: the token it charges, and how the page describes it.</summary>
public sealed record TestCard(string Token, string Label, string Hint);

/// <summary>
/// /checkout/payment: pays the order placed at checkout (from the HttpOnly order cookie) with the shop's test
/// payment provider. A declined card says so plainly and keeps the order and the cart, to try another card.
/// </summary>
public sealed class PaymentModel(ShopApi shop, ShopSession session) : SitePage
{
    public static readonly IReadOnlyList<TestCard> Cards =
    [
        new("tok_visa", "Visa ending 4242", "Test card: the payment is approved."),
        new("tok_declined", "Mastercard ending 0002", "Test card: the bank declines the payment."),
    ];

    public Order? Order { get; private set; }
    public bool Unavailable { get; private set; }
    public bool Cancelled => Order?.Status == OrderStatuses.Cancelled;

    [BindProperty]
    public string? Card { get; set; } = Cards[0].Token;

    /// <summary>This attempt's Idempotency-Key (one per page render; a retry after a timeout keeps it).</summary>
    [BindProperty]
    public string? IdempotencyKey { get; set; }

    public string? Problem { get; private set; }
    public bool Declined { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } early)
        {
            return early;
        }
        IdempotencyKey = NewKey();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } early)
        {
            return early;
        }
        if (Unavailable || Cancelled)
        {
            return Page();
        }
        if (Cards.All(c => c.Token != Card))
        {
            Problem = "Choose a card to pay with.";
            IdempotencyKey = NewKey();
            return Page();
        }
        IdempotencyKey = string.IsNullOrWhiteSpace(IdempotencyKey) ? NewKey() : IdempotencyKey.Trim();
        var ticket = session.Order!;
        var reply = await shop.PayAsync(ticket.OrderId, ticket.Token, Card!, IdempotencyKey, ct);
        switch (reply.Outcome)
        {
            case ShopOutcome.Ok:
                // Paid (or, with a card that needs more checks, being confirmed): the cart has become this order.
                session.ForgetCart();
                return Redirect(SiteRoutes.CheckoutConfirmation);
            case ShopOutcome.Declined:
                Declined = true;
                // The visitor picks again rather than resend the card that was just refused.
                Card = null;
                Problem = "Your card was declined, so no money has been taken. Your order and your cart are kept: please try another card.";
                break;
            case ShopOutcome.Conflict:
                // Paid meanwhile (another tab), or lapsed: the order itself says which.
                if (await LoadAsync(ct) is { } moved)
                {
                    return moved;
                }
                Problem = reply.Problem?.Detail ?? "This order cannot take a payment now.";
                break;
            case ShopOutcome.NotFound:
                session.ForgetOrder();
                return Redirect($"{SiteRoutes.Cart}?done=order-gone");
            case ShopOutcome.TooMany:
                Problem = "There have been too many payment attempts in a short time. Please wait a minute and try again.";
                break;
            case ShopOutcome.Invalid:
                Problem = reply.Problem?.Detail ?? "The payment could not be made.";
                break;
            default:
                Problem = "We could not reach the payment service. Please try again: you will not be charged twice.";
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                // Same key: if the charge went through, the retry is answered with that payment, not a second one.
                return Page();
        }
        // The shop answered, so this attempt is over: the next one is a new payment.
        IdempotencyKey = NewKey();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Meta.Title = "Payment";
        Meta.Description = "Pay for your Cultural Health Club order.";
        Meta.NoIndex = true;
        Response.Headers.CacheControl = "no-cache, no-store";
        if (session.Order is not { } ticket)
        {
            return Redirect(SiteRoutes.Cart);
        }
        var order = await shop.OrderAsync(ticket.OrderId, ticket.Token, ct);
        if (order.IsUnavailable)
        {
            Unavailable = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "30";
            return null;
        }
        if (!order.IsOk)
        {
            session.ForgetOrder();
            return Redirect($"{SiteRoutes.Cart}?done=order-gone");
        }
        Order = order.Value!;
        return Order.IsPaid ? Redirect(SiteRoutes.CheckoutConfirmation) : null;
    }

    private static string NewKey() => Guid.NewGuid().ToString();
}
