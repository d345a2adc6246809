using System.Net;
using System.Net.Http.Json;
using CultureHealth.BackOffice.Web;
using CultureHealth.Testing;

namespace CultureHealth.BackOffice.Tests;

/// <summary>
/// The waitlist page: reception reads who waits (an audited read of patient data), a practitioner only those waiting for
/// them or for anyone, a role without the diary gets the 403 page; the page says "unavailable" when booking is away
/// (<see cref="DashboardWithServicesDownTests"/>).
/// </summary>
public sealed class WaitlistPageTests(BackOfficeStack stack) : IClassFixture<BackOfficeStack>
{
    /// <summary>Joins the waitlist as a signed-in patient would on the website, for Amelia's follow-ups some working days ahead.</summary>
    private async Task<string> JoinAsync(string name, Guid? practitionerId)
    {
        var email = $"waiting.{Guid.NewGuid():N}@example.com";
        var from = BackOfficeStack.NextWorkingDay(3);
        using var patient = stack.Booking.CreateClient(TestPatients.TokenFor(email));
        using var joined = await patient.PostAsJsonAsync("/api/booking/waitlist", new
        {
            appointmentTypeId = BackOfficeStack.FollowUp, practitionerId, fromDate = Wording.Iso(from), toDate = Wording.Iso(from.PlusDays(7)),
            days = new[] { "tuesday", "thursday" }, earliestStart = "08:30", latestStart = "12:00", name,
        });
        Assert.True(joined.StatusCode == HttpStatusCode.Created, await joined.Content.ReadAsStringAsync());
        return email;
    }

    [Fact]
    public async Task Reception_sees_a_waiting_patient_from_the_diary_and_admin_records_the_read()
    {
        var patient = await JoinAsync("Wanda <Waits>", BackOfficeStack.Amelia);
        var (email, password) = await stack.CreateStaffAsync("reception");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();

        using (var diary = await browser.GetAsync("/admin/diary"))
        {
            Assert.Contains("href=\"/admin/diary/waitlist\"", browser.LastPage, StringComparison.Ordinal);
        }
        using var page = await browser.GetAsync("/admin/diary/waitlist");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Wanda &lt;Waits&gt;", browser.LastPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Wanda <Waits>", browser.LastPage, StringComparison.Ordinal);
        Assert.Contains(patient, browser.LastPage, StringComparison.Ordinal);
        Assert.Contains("Tue, Thu, starting 08:30–12:00", WebUtility.HtmlDecode(browser.LastPage), StringComparison.Ordinal);
        Assert.Contains("with Amelia Hart", browser.LastPage, StringComparison.Ordinal);

        // Filtered to another appointment, she is not there.
        using (var other = await browser.GetAsync($"/admin/diary/waitlist?type={Guid.NewGuid()}"))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            Assert.DoesNotContain(patient, browser.LastPage, StringComparison.Ordinal);
        }
        var audit = await stack.AuditAsync(email);
        Assert.Contains(audit, a => a.Action == "read GET /booking/waitlist" && a.Status == 200);
    }

    [Fact]
    public async Task A_practitioner_sees_only_patients_waiting_for_them_or_anyone_and_an_editor_gets_the_403_page()
    {
        var forAmelia = await JoinAsync("For Amelia", BackOfficeStack.Amelia);
        var forAnyone = await JoinAsync("For Anyone", null);
        var (daniel, password) = await stack.CreateStaffAsync("practitioner", BackOfficeStack.Daniel);
        using var browser = stack.Browser();
        (await browser.SignInAsync(daniel, password)).Dispose();

        using (var page = await browser.GetAsync("/admin/diary/waitlist"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(forAnyone, browser.LastPage, StringComparison.Ordinal);
            Assert.Contains("with any practitioner", browser.LastPage, StringComparison.Ordinal);
            Assert.DoesNotContain(forAmelia, browser.LastPage, StringComparison.Ordinal);
        }

        var (editor, editorPassword) = await stack.CreateStaffAsync("editor");
        using var editorBrowser = stack.Browser();
        (await editorBrowser.SignInAsync(editor, editorPassword)).Dispose();
        using var typed = await editorBrowser.GetAsync("/admin/diary/waitlist");
        Assert.Equal(HttpStatusCode.Forbidden, typed.StatusCode);
        Assert.Contains("This page is not for your role", editorBrowser.LastPage, StringComparison.Ordinal);
    }
}
