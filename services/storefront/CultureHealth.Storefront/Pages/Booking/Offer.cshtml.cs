using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Booking;

/// <summary>
/// The waitlist offer email's link: the offered time and one button. Taking it is a POST (mail scanners open links by
/// themselves); it books through the booking service's one creation path and shows the confirmation.
/// </summary>
public sealed class OfferModel(BookingApi booking) : BookingPage
{
    public WaitlistOffer Offer { get; private set; } = null!;
    public bool LinkNotValid { get; private set; }
    public bool Ended { get; private set; }
    public string? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid offer, string? token, CancellationToken ct) =>
        await LoadAsync(offer, token, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid offer, string? token, CancellationToken ct)
    {
        if (await LoadAsync(offer, token, ct) is { } early)
        {
            return early;
        }
        var reply = await booking.TakeWaitlistOfferAsync(offer, token!, ct);
        switch (reply.Kind)
        {
            case ReplyKind.Done when reply.Value!.ManageToken is { } manageToken:
                return Redirect(BookingRoutes.Confirmed(reply.Value.Booking.Id, manageToken));
            case ReplyKind.NotFound:
                return NotValid();
            case ReplyKind.Conflict when reply.Problem?.Is("offer-ended") == true:
                Ended = true;
                return Page();
            case ReplyKind.Conflict:
                Outcome = reply.Problem?.Detail ?? "This time can no longer be booked.";
                return Page();
            default:
                Outcome = $"We could not reach our booking system. Please press the button again in a minute, or call us on {Clinic.Telephone}.";
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid offer, string? token, CancellationToken ct)
    {
        Meta.Title = "A time has come free";
        Meta.Description = "Take the appointment held for you from the waitlist.";
        KeepSecretUrl();
        if (string.IsNullOrWhiteSpace(token))
        {
            return NotValid();
        }
        var reply = await booking.WaitlistOfferAsync(offer, token, ct);
        switch (reply.Kind)
        {
            case ReplyKind.Done:
                Offer = reply.Value!;
                // Taken already (a second click, or taken in another tab): nothing to do here but say so.
                Ended = Offer.Status is "lapsed" or "withdrawn";
                return null;
            case ReplyKind.NotFound or ReplyKind.Invalid:
                return NotValid();
            default:
                return BookingUnavailable();
        }
    }

    private IActionResult NotValid()
    {
        LinkNotValid = true;
        Meta.Title = "This link does not work";
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
