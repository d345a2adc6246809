using System.Net.Http.Json;
using CultureHealth.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CultureHealth.EndToEnd.Tests.BackOffice;

/// <summary>
/// The waitlist page and the rooms page's admin forms in a real browser through the gateway (neither page has a script;
/// the back office's HTTP tests post the forms as a script-less browser does). Every page visited passes axe (which needs
/// script in the page, so these contexts keep it on) and is saved as a screenshot (backoffice-waitlist-*, -rooms-*).
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class WaitlistAndRoomsTests(SiteStack site, ITestOutputHelper output)
{
    [Fact]
    public async Task Reception_sees_a_waiting_patient_on_the_waitlist_page_and_an_editor_typing_its_address_gets_the_403_page()
    {
        var patient = $"waiting.{Guid.NewGuid():N}"[..20] + "@example.com";
        var from = Staff.NextWorkingDay(3);
        using (var client = site.GatewayClient(TestPatients.TokenFor(patient)))
        using (var joined = await client.PostAsJsonAsync("/api/booking/waitlist", new
        {
            appointmentTypeId = Staff.FollowUp, practitionerId = Staff.Amelia, fromDate = Staff.Iso(from), toDate = Staff.Iso(from.PlusDays(14)),
            days = new[] { "monday", "wednesday" }, earliestStart = "09:00", latestStart = "13:00", name = "Winnie Waitlist", phone = "07700 900456",
        }))
        {
            Assert.True(joined.IsSuccessStatusCode, await joined.Content.ReadAsStringAsync());
        }

        var reception = await Staff.CreateAsync(site, "reception", "Wren Reception");
        await using var browse = await Browse.OpenAsync(site, Screen.Desktop, output);
        await Staff.SignInAsync(browse, reception);
        var page = browse.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Diary", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Waitlist", Exact = true }).ClickAsync();
        await page.WaitForAddressAsync("**/admin/diary/waitlist");
        var row = page.Locator("table.waitlist tbody tr").Filter(new() { HasText = patient });
        await Assertions.Expect(row).ToContainTextAsync("Winnie Waitlist");
        await Assertions.Expect(row).ToContainTextAsync("with Amelia Hart");
        await Assertions.Expect(row).ToContainTextAsync("Mon, Wed, starting 09:00–13:00");
        await Assertions.Expect(row).ToContainTextAsync("None yet");
        await browse.CheckAsync("backoffice-waitlist");

        // Filtered to the appointment she asked for, she is still there.
        await page.GetByLabel("Appointment").SelectOptionAsync(new SelectOptionValue { Value = Staff.FollowUp.ToString() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.waitlist tbody tr").Filter(new() { HasText = patient })).ToHaveCountAsync(1);

        var audit = await Staff.AuditAsync(site, reception);
        Assert.Contains(audit, a => a.Action == "read GET /booking/waitlist" && a.Status == 200);

        var editor = await Staff.CreateAsync(site, "editor", "Ezra Editor");
        await using var other = await Browse.OpenAsync(site, Screen.Desktop, output);
        await Staff.SignInAsync(other, editor);
        await other.VisitAsync("/admin/diary/waitlist", "backoffice-waitlist-403", status: 403);
        Assert.Contains("This page is not for your role", await other.Page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task An_admin_adds_a_room_and_renames_it_and_a_practitioner_posting_the_form_gets_the_403_page()
    {
        var admin = await Staff.CreateAsync(site, "admin", "Ada Admin");
        await using var browse = await Browse.OpenAsync(site, Screen.Desktop, output);
        await Staff.SignInAsync(browse, admin);
        var page = browse.Page;
        var name = "Treatment room " + Guid.NewGuid().ToString("N")[..5];
        await browse.VisitAsync("/admin/diary/rooms", "backoffice-rooms-admin");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Kind", new() { Exact = true }).FillAsync("treatment-room");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the room" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Room added.");
        await Assertions.Expect(page.Locator("table.table tbody")).ToContainTextAsync(name);

        await page.GetByLabel("Room to rename").SelectOptionAsync(new SelectOptionValue { Label = name });
        await page.GetByLabel("New name").FillAsync(name + " (east)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rename the room" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Room renamed.");
        await Assertions.Expect(page.Locator("table.table tbody th").Filter(new() { HasText = name + " (east)" })).ToHaveCountAsync(1);
        await browse.CheckAsync("backoffice-rooms-renamed");

        var audit = await Staff.AuditAsync(site, admin);
        Assert.Equal(2, audit.Count(a => a.Action.StartsWith("PUT /booking/rooms/", StringComparison.Ordinal) && a.Status is 200 or 201));

        // A practitioner sees no such form; sending it by hand (with their own session's antiforgery token) is refused.
        var practitioner = await Staff.CreateAsync(site, "practitioner", "Pat Practitioner", Staff.Daniel);
        await using var other = await Browse.OpenAsync(site, Screen.Desktop, output);
        await Staff.SignInAsync(other, practitioner);
        await other.VisitAsync("/admin/diary/rooms", "backoffice-rooms-practitioner");
        Assert.Equal(0, await other.Page.GetByRole(AriaRole.Button, new() { Name = "Add the room" }).CountAsync());
        var token = await other.Page.Locator("input[name='__RequestVerificationToken']").First.GetAttributeAsync("value");
        var typed = await other.Context.APIRequest.PostAsync("/admin/diary/rooms?handler=Add", new APIRequestContextOptions
        {
            Form = other.Context.APIRequest.CreateFormData()
                .Append("NewRoomName", "Practitioner's own room").Append("NewRoomKind", "treatment-room").Append("__RequestVerificationToken", token!),
            MaxRedirects = 0,
        });
        Assert.Equal(403, typed.Status);
        Assert.Contains("This page is not for your role", await typed.TextAsync(), StringComparison.Ordinal);
    }
}
