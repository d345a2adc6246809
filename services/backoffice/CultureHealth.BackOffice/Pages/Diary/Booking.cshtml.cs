using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.BackOffice.Pages.Diary;

/// <summary>One appointment: who, when, with whom; mark it attended or a no-show once it has begun; move or cancel it.</summary>
public sealed class BookingModel(DiaryApi diary, TimeProvider clock) : StaffPageModel
{
    public Booking? Booking { get; private set; }

    /// <summary>The room the booking holds, when its appointment needs one (and booking could say which).</summary>
    public string? RoomName { get; private set; }

    /// <summary>"cancel" shows the confirmation before cancelling (no script needed for the second step).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Step { get; set; }

    public bool HasBegun => Booking is { } b && b.Start <= clock.GetUtcNow();

    public bool MayRecordOutcome => Booking is { Status: "confirmed" } && HasBegun;

    public bool MayChange => Booking is { Status: "confirmed" or "pending" } && !HasBegun;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostAttendedAsync(Guid id, CancellationToken ct) => ActAsync(id, diary.MarkAttendedAsync, "attended", ct);

    public Task<IActionResult> OnPostNoShowAsync(Guid id, CancellationToken ct) => ActAsync(id, diary.MarkNoShowAsync, "no-show", ct);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) => ActAsync(id, diary.CancelAsync, "cancelled", ct);

    private async Task<IActionResult> ActAsync(Guid id, Func<Guid, CancellationToken, Task<AdminResult<Booking>>> action, string notice, CancellationToken ct)
    {
        var result = await action(id, ct);
        if (result.IsSuccess)
        {
            return Done(notice, routeValues: new { id });
        }
        if (result.Problem!.Status == StatusCodes.Status403Forbidden)
        {
            return Forbid();
        }
        Step = null;
        var refused = Refused(result.Problem);
        return await LoadAsync(id, ct, keepStatus: true) ?? refused;
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct, bool keepStatus = false)
    {
        var result = await diary.BookingAsync(id, ct);
        if (result.Value is { } booking)
        {
            Booking = booking;
            if (booking.RoomId is { } roomId && (await diary.RoomsAsync(ct)).Value is { } rooms)
            {
                RoomName = rooms.FirstOrDefault(r => r.Id == roomId)?.Name;
            }
            return null;
        }
        return result.Problem!.Status switch
        {
            StatusCodes.Status403Forbidden => Forbid(),
            StatusCodes.Status404NotFound => NotFound(),
            _ => keepStatus ? null : Refused(result.Problem),
        };
    }
}
