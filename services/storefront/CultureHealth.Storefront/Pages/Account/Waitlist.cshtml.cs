using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Account;

/// <summary>The signed-in patient's waitlist entries, a live offer's hold, and a button to leave each.</summary>
public sealed class MyWaitlistModel(BookingApi booking) : AccountPage
{
    public IReadOnlyList<WaitlistEntry> Entries { get; private set; } = [];
    public bool Unavailable { get; private set; }
    public string? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool joined, bool left, CancellationToken ct)
    {
        if (Prepare() is { } signIn)
        {
            return signIn;
        }
        Outcome = joined ? "You are on the waitlist. We will email you when a time like that comes free."
            : left ? "You have left that waitlist." : null;
        return await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostLeaveAsync(Guid entryId, CancellationToken ct)
    {
        if (Prepare() is { } signIn)
        {
            return signIn;
        }
        var reply = await booking.LeaveWaitlistAsync(entryId, PatientSession.Token(Request)!, ct);
        return reply.Kind switch
        {
            ReplyKind.Done or ReplyKind.NotFound => Redirect(BookingRoutes.MyWaitlist + "?left=1"),
            ReplyKind.Refused => Redirect(BookingRoutes.SignInThenReturn(BookingRoutes.MyWaitlist)),
            _ => ShowUnavailable(),
        };
    }

    private IActionResult? Prepare()
    {
        Meta.Title = "Your waitlist";
        Meta.Description = "The appointments you are waiting for.";
        Private();
        return PatientSession.Token(Request) is null ? Redirect(BookingRoutes.SignInThenReturn(BookingRoutes.MyWaitlist)) : null;
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        var reply = await booking.MyWaitlistAsync(PatientSession.Token(Request)!, ct);
        switch (reply.Kind)
        {
            case ReplyKind.Done:
                Entries = reply.Value!;
                return Page();
            case ReplyKind.Refused:
                return Redirect(BookingRoutes.SignInThenReturn(BookingRoutes.MyWaitlist));
            default:
                return ShowUnavailable();
        }
    }

    private IActionResult ShowUnavailable()
    {
        Unavailable = true;
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Response.Headers.RetryAfter = "30";
        return Page();
    }

    public static string Describe(WaitlistEntry e)
    {
        var days = e.Days.Count == 7 ? "any day" : string.Join(", ", e.Days.Select(Booking.WaitlistForm.DayName));
        return $"{e.FromDate} to {e.ToDate}, {days}, starting {e.EarliestStart} to {e.LatestStart} (UK time)";
    }
}
