using System.Net;
using CultureHealth.BackOffice.Web;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.BackOffice.Tests;

/// <summary>
/// The rooms page: reception closes a room for a day through admin's audited path; admins add and rename rooms; a
/// practitioner only looks, and neither they nor reception can add or rename one by posting the form by hand.
/// </summary>
public sealed class RoomPageTests(BackOfficeStack stack) : IClassFixture<BackOfficeStack>
{
    /// <summary>The seeded rehab gym; no other test here books it.</summary>
    private static readonly Guid RehabGym = Guid.Parse("6f1c2a60-1d1b-4c38-9d55-0c8f1f0d0004");

    [Fact]
    public async Task Reception_closes_the_rehab_gym_for_a_day_without_script_and_admin_audits_it()
    {
        var (email, password) = await stack.CreateStaffAsync("reception");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        var day = BackOfficeStack.NextWorkingDay(5);

        using (var page = await browser.GetAsync("/admin/diary/rooms"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Treatment room 1", browser.LastPage, StringComparison.Ordinal);
            Assert.Contains("Close the room that day", browser.LastPage, StringComparison.Ordinal);
        }
        using var closed = await browser.PostFormAsync("/admin/diary/rooms?handler=Close", new Dictionary<string, string>
        {
            ["RoomId"] = RehabGym.ToString(), ["Date"] = Wording.Iso(day), ["Reason"] = "Floor <repairs>",
        });
        Assert.Equal("/admin/diary/rooms?done=room-closed", closed.Headers.Location?.OriginalString);
        (await browser.GetAsync(closed.Headers.Location!.OriginalString)).Dispose();
        Assert.Contains("Floor &lt;repairs&gt;", browser.LastPage, StringComparison.Ordinal);
        Assert.Contains(Notices.Text("room-closed")!, WebUtility.HtmlDecode(browser.LastPage), StringComparison.Ordinal);

        await using var db = stack.Booking.OpenDb();
        Assert.True(await db.RoomClosures.AnyAsync(c => c.RoomId == RehabGym && c.Date == day));
        var audit = await stack.AuditAsync(email);
        Assert.Contains(audit, a => a.Action == $"PUT /booking/rooms/{RehabGym}/closures/{Wording.Iso(day)}" && a.Status == 200);
    }

    [Fact]
    public async Task A_practitioner_sees_the_rooms_but_cannot_close_one()
    {
        var (email, password) = await stack.CreateStaffAsync("practitioner", BackOfficeStack.Amelia);
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();

        using (var page = await browser.GetAsync("/admin/diary/rooms"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Rehab gym", browser.LastPage, StringComparison.Ordinal);
            Assert.DoesNotContain("Close the room that day", browser.LastPage, StringComparison.Ordinal);
        }
        using var refused = await browser.PostFormAsync("/admin/diary/rooms?handler=Close", new Dictionary<string, string>
        {
            ["RoomId"] = RehabGym.ToString(), ["Date"] = Wording.Iso(BackOfficeStack.NextWorkingDay(6)), ["Reason"] = "Mine now",
        });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await using var db = stack.Booking.OpenDb();
        Assert.False(await db.RoomClosures.AnyAsync(c => c.Reason == "Mine now"));
    }

    [Fact]
    public async Task An_admin_adds_a_room_and_renames_it_without_script_and_a_taken_name_is_refused_next_to_its_field()
    {
        var (email, password) = await stack.CreateStaffAsync("admin");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        var name = "Treatment room " + Guid.NewGuid().ToString("N")[..6];

        using (var page = await browser.GetAsync("/admin/diary/rooms"))
        {
            Assert.Contains("Add a room", browser.LastPage, StringComparison.Ordinal);
            Assert.Contains("Rename a room", browser.LastPage, StringComparison.Ordinal);
        }
        using var added = await browser.PostFormAsync("/admin/diary/rooms?handler=Add", new Dictionary<string, string>
        {
            ["NewRoomName"] = name, ["NewRoomKind"] = "treatment-room",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("done=room-added", added.Headers.Location?.OriginalString, StringComparison.Ordinal);
        await using (var db = stack.Booking.OpenDb())
        {
            var room = await db.Rooms.SingleAsync(r => r.Name == name);
            Assert.Equal(("treatment-room", true), (room.Kind, room.Active));
        }
        (await browser.GetAsync(added.Headers.Location!.OriginalString)).Dispose();
        Assert.Contains(Notices.Text("room-added")!, WebUtility.HtmlDecode(browser.LastPage), StringComparison.Ordinal);
        Assert.Contains(name, browser.LastPage, StringComparison.Ordinal);

        Guid id;
        await using (var db = stack.Booking.OpenDb())
        {
            id = (await db.Rooms.SingleAsync(r => r.Name == name)).Id;
        }
        using var taken = await browser.PostFormAsync("/admin/diary/rooms?handler=Rename", new Dictionary<string, string>
        {
            ["RenameRoomId"] = id.ToString(), ["RenameTo"] = "Treatment room 1",
        });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("Another room already has this name.", browser.LastPage, StringComparison.Ordinal);
        Assert.Contains("href=\"#RenameTo\"", browser.LastPage, StringComparison.Ordinal);

        using var renamed = await browser.PostFormAsync("/admin/diary/rooms?handler=Rename", new Dictionary<string, string>
        {
            ["RenameRoomId"] = id.ToString(), ["RenameTo"] = name + " <east>",
        });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Contains("done=room-renamed", renamed.Headers.Location?.OriginalString, StringComparison.Ordinal);
        (await browser.GetAsync(renamed.Headers.Location!.OriginalString)).Dispose();
        Assert.Contains(name + " &lt;east&gt;", browser.LastPage, StringComparison.Ordinal);
        await using (var db = stack.Booking.OpenDb())
        {
            var room = await db.Rooms.SingleAsync(r => r.Id == id);
            Assert.Equal((name + " <east>", "treatment-room", true), (room.Name, room.Kind, room.Active));
        }
        var audit = await stack.AuditAsync(email);
        Assert.Equal(2, audit.Count(a => a.Action == $"PUT /booking/rooms/{id}" && a.Status is 200 or 201));
    }

    [Theory]
    [InlineData("reception", "Add")]
    [InlineData("practitioner", "Add")]
    [InlineData("practitioner", "Rename")]
    public async Task Only_admins_may_add_or_rename_a_room_even_posting_the_form_by_hand(string role, string handler)
    {
        var (email, password) = await stack.CreateStaffAsync(role, role == "practitioner" ? BackOfficeStack.Amelia : null);
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        using (var page = await browser.GetAsync("/admin/diary/rooms"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.DoesNotContain("Add a room", browser.LastPage, StringComparison.Ordinal);
        }
        var name = "Sneaky room " + Guid.NewGuid().ToString("N")[..6];
        using var refused = await browser.PostFormAsync($"/admin/diary/rooms?handler={handler}", new Dictionary<string, string>
        {
            ["NewRoomName"] = name, ["NewRoomKind"] = "treatment-room", ["RenameRoomId"] = RehabGym.ToString(), ["RenameTo"] = name,
        });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("This page is not for your role", browser.LastPage, StringComparison.Ordinal);
        await using var db = stack.Booking.OpenDb();
        Assert.False(await db.Rooms.AnyAsync(r => r.Name == name));
    }

    [Fact]
    public async Task Adding_a_room_without_the_forms_antiforgery_token_changes_nothing()
    {
        using var browser = stack.Browser();
        (await browser.SignInAsync(BackOfficeStack.AdminEmail, BackOfficeStack.AdminPassword)).Dispose();
        (await browser.GetAsync("/admin/diary/rooms")).Dispose();
        var name = "Forged room " + Guid.NewGuid().ToString("N")[..6];
        using var forged = await browser.PostFormAsync("/admin/diary/rooms?handler=Add",
            new Dictionary<string, string> { ["NewRoomName"] = name, ["NewRoomKind"] = "treatment-room" }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        await using var db = stack.Booking.OpenDb();
        Assert.False(await db.Rooms.AnyAsync(r => r.Name == name));
    }
}
