using System.ComponentModel.DataAnnotations;
using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using CultureHealth.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.BackOffice.Pages.Diary;

/// <summary>
/// Treatment rooms and the rehab gym, and the days each is closed. Everyone on the diary sees them; reception and admins
/// close a room for a day (booking moves that day's bookings to another free room, or refuses and names them); admins add
/// and rename rooms.
/// </summary>
public sealed class RoomsModel(DiaryApi diary, StaffSections sections) : StaffPageModel
{
    public IReadOnlyList<Room> Rooms { get; private set; } = [];

    public bool MayChange { get; private set; }

    /// <summary>Adds and renames rooms (admins only; booking refuses anyone else too).</summary>
    public bool MayAdminister { get; private set; }

    [BindProperty, Display(Name = "Name"), StringLength(80)]
    public string? NewRoomName { get; set; }

    [BindProperty, Display(Name = "Kind")]
    public string? NewRoomKind { get; set; }

    [BindProperty, Display(Name = "Room to rename")]
    public Guid? RenameRoomId { get; set; }

    [BindProperty, Display(Name = "New name"), StringLength(80)]
    public string? RenameTo { get; set; }

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
            return await InvalidAsync(ct);
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

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!await sections.MayAsync(User, StaffPolicies.Admin))
        {
            return Forbid();
        }
        if (string.IsNullOrWhiteSpace(NewRoomName))
        {
            ModelState.AddModelError(nameof(NewRoomName), "Enter the room's name, like Treatment room 4.");
        }
        if (string.IsNullOrWhiteSpace(NewRoomKind))
        {
            ModelState.AddModelError(nameof(NewRoomKind), "Enter the kind of room, like treatment-room.");
        }
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(ct);
        }
        var id = Guid.NewGuid();
        var result = await diary.SaveRoomAsync(id, NewRoomName!.Trim(), NewRoomKind!.Trim(), active: true, ct);
        return await ChangedAsync(result, id, "room-added",
            new Dictionary<string, string> { ["name"] = nameof(NewRoomName), ["kind"] = nameof(NewRoomKind) }, () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostRenameAsync(CancellationToken ct)
    {
        if (!await sections.MayAsync(User, StaffPolicies.Admin))
        {
            return Forbid();
        }
        if (RenameRoomId is null)
        {
            ModelState.AddModelError(nameof(RenameRoomId), "Choose the room to rename.");
        }
        if (string.IsNullOrWhiteSpace(RenameTo))
        {
            ModelState.AddModelError(nameof(RenameTo), "Enter the room's new name.");
        }
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(ct);
        }
        if (await LoadAsync(ct) is { } unavailable)
        {
            return unavailable;
        }
        if (Rooms.FirstOrDefault(r => r.Id == RenameRoomId) is not { } room)
        {
            return NotFound();
        }
        // Booking replaces a room whole: its kind and whether it is in use go back as they are.
        var result = await diary.SaveRoomAsync(room.Id, RenameTo!.Trim(), room.Kind, room.Active, ct);
        return await ChangedAsync(result, room.Id, "room-renamed", new Dictionary<string, string> { ["name"] = nameof(RenameTo) }, () => LoadAsync(ct));
    }

    private async Task<IActionResult> InvalidAsync(CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        MayChange = DiaryAccess.RunsEveryDiary(User);
        MayAdminister = await sections.MayAsync(User, StaffPolicies.Admin);
        var result = await diary.RoomsAsync(ct);
        if (result.Value is not { } all)
        {
            return Problem is null ? Refused(result.Problem!) : null;
        }
        Rooms = all;
        return null;
    }
}
