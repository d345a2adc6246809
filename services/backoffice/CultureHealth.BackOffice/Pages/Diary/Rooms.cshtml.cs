using System.ComponentModel.DataAnnotations;
using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.BackOffice.Pages.Diary;

/// <summary>
/// Treatment rooms and the rehab gym, and the days each is closed. Everyone on the diary sees them; reception and admins
/// close a room for a day (booking moves that day's bookings to another free room, or refuses and names them).
/// </summary>
public sealed class RoomsModel(DiaryApi diary) : StaffPageModel
{
    public IReadOnlyList<Room> Rooms { get; private set; } = [];

    public bool MayChange { get; private set; }

    [BindProperty, Display(Name = "Room")]
    public Guid? RoomId { get; set; }

    [BindProperty, Display(Name = "Day")]
    public string? Date { get; set; }

    [BindProperty, Display(Name = "Why"), StringLength(200)]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        if (!DiaryAccess.RunsEveryDiary(User))
        {
            return Forbid();
        }
        if (RoomId is null)
        {
            ModelState.AddModelError(nameof(RoomId), "Choose the room to close.");
        }
        if (!Wording.TryParseIso(Date, out var day))
        {
            ModelState.AddModelError(nameof(Date), "Enter the day the room is closed.");
        }
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Say why, like deep clean or repairs.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(ct) ?? Page();
        }
        var result = await diary.CloseRoomAsync(RoomId!.Value, day, Reason!.Trim(), ct);
        if (result.IsSuccess)
        {
            return Done("room-closed");
        }
        return await RefusedAndReloadedAsync(result.Problem!, new Dictionary<string, string> { ["reason"] = nameof(Reason), ["date"] = nameof(Date) }, () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid roomId, string date, CancellationToken ct)
    {
        if (!DiaryAccess.RunsEveryDiary(User))
        {
            return Forbid();
        }
        if (!Wording.TryParseIso(date, out var day))
        {
            return BadRequest();
        }
        var result = await diary.ReopenRoomAsync(roomId, day, ct);
        return result.IsSuccess ? Done("room-reopened") : (await LoadAsync(ct)) ?? Refused(result.Problem!);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        MayChange = DiaryAccess.RunsEveryDiary(User);
        var result = await diary.RoomsAsync(ct);
        if (result.Value is not { } all)
        {
            return Problem is null ? Refused(result.Problem!) : null;
        }
        Rooms = all;
        return null;
    }
}
