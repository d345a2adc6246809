using System.Net;
using CultureHealth.BackOffice.Web;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.BackOffice.Tests;

/// <summary>The rooms page: reception closes a room for a day through admin's audited path; a practitioner only looks.</summary>
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
}
