using System.Net;
using CultureHealth.BackOffice.Web;
using CultureHealth.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.BackOffice.Tests;

/// <summary>Staff accounts and the audit log at the HTTP level (admins only), every change through admin's audited API.</summary>
public sealed class StaffAndAuditTests(BackOfficeStack stack) : IClassFixture<BackOfficeStack>
{
    [Fact]
    public async Task An_admin_creates_an_account_changes_its_roles_and_disables_it_and_the_audit_log_shows_before_and_after()
    {
        using var browser = stack.Browser();
        (await browser.SignInAsync(BackOfficeStack.AdminEmail, BackOfficeStack.AdminPassword)).Dispose();
        using (var list = await browser.GetAsync("/admin/staff"))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }
        Assert.Contains("href=\"/admin/staff\"", browser.LastPage, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/audit\"", browser.LastPage, StringComparison.Ordinal);
        Assert.Contains(BackOfficeStack.AdminEmail, browser.LastPage, StringComparison.Ordinal);

        var email = $"new.{Guid.NewGuid():N}"[..20] + "@test.culturehealth.local";
        const string password = "a long enough password";
        using (var noRole = await browser.PostFormAsync("/admin/staff", new Dictionary<string, string> { ["Name"] = "Nora New", ["Email"] = email, ["Password"] = password }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noRole.StatusCode);
            Assert.Contains("Tick at least one role.", browser.LastPage, StringComparison.Ordinal);
        }
        using (var weak = await browser.PostFormAsync("/admin/staff",
            [new("Name", "Nora New"), new("Email", email), new("Password", "short"), new("Roles", "reception")]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
            Assert.Contains("href=\"#Password\"", browser.LastPage, StringComparison.Ordinal);
        }
        using var created = await browser.PostFormAsync("/admin/staff",
            [new("Name", "Nora New"), new("Email", email), new("Password", password), new("Roles", "reception")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        Assert.Matches("^/admin/staff/[0-9a-f-]{36}\\?done=staff-created$", page);
        var id = Guid.Parse(page["/admin/staff/".Length..page.IndexOf('?', StringComparison.Ordinal)]);

        using (var nora = stack.Browser())
        using (var signedIn = await nora.SignInAsync(email, password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        (await browser.GetAsync(page)).Dispose();
        Assert.Contains(Notices.Text("staff-created")!, WebUtility.HtmlDecode(browser.LastPage), StringComparison.Ordinal);
        using (var saved = await browser.PostFormAsync($"/admin/staff/{id}?handler=Save",
            [new("Name", "Nora Newman"), new("Roles", "reception"), new("Roles", "editor")]))
        {
            Assert.Equal($"/admin/staff/{id}?done=staff-saved", saved.Headers.Location?.OriginalString);
        }
        (await browser.GetAsync($"/admin/staff/{id}")).Dispose();
        using (var disabled = await browser.PostFormAsync($"/admin/staff/{id}?handler=Disable", new Dictionary<string, string>()))
        {
            Assert.Equal($"/admin/staff/{id}?done=staff-disabled", disabled.Headers.Location?.OriginalString);
        }
        await using (var db = stack.Admin.OpenDb())
        {
            var account = await db.StaffUsers.AsNoTracking().SingleAsync(u => u.Id == id);
            Assert.Equal(("Nora Newman", true), (account.Name, account.Disabled));
            Assert.Equal(["editor", "reception"], account.Roles.Order());
        }
        using (var refused = stack.Browser())
        using (var again = await refused.SignInAsync(email, password))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, again.StatusCode);
        }

        // The audit log: the disabling, under the admin, with the account as it was and as it is.
        using (var audit = await browser.GetAsync("/admin/audit?what=staff.update"))
        {
            Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        }
        var html = WebUtility.HtmlDecode(browser.LastPage[browser.LastPage.IndexOf("<table", StringComparison.Ordinal)..]);
        Assert.Contains("staff.update", html, StringComparison.Ordinal);
        Assert.Contains("\"Disabled\": false", html, StringComparison.Ordinal);
        Assert.Contains("\"Disabled\": true", html, StringComparison.Ordinal);
        Assert.Contains(">Before<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("staff.create", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_log_filters_by_member_of_staff_and_dates_and_says_when_a_date_is_wrong()
    {
        var (editor, _) = await stack.CreateStaffAsync("editor");
        Guid adminId;
        await using (var db = stack.Admin.OpenDb())
        {
            adminId = await db.StaffUsers.Where(u => u.Email == BackOfficeStack.AdminEmail).Select(u => u.Id).SingleAsync();
        }
        using var browser = stack.Browser();
        (await browser.SignInAsync(BackOfficeStack.AdminEmail, BackOfficeStack.AdminPassword)).Dispose();
        var today = Wording.Iso(ClinicTimeZone.Today(TimeProvider.System));

        (await browser.GetAsync($"/admin/audit?staff={adminId}&what=staff.create&from={today}&to={today}")).Dispose();
        // In the entry's "Sent" details (the select of staff names lists every account, so look inside the table).
        var table = browser.LastPage[browser.LastPage.IndexOf("<table", StringComparison.Ordinal)..];
        Assert.Contains(editor, table, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{adminId}\" selected=\"selected\">", browser.LastPage, StringComparison.Ordinal);

        var yesterday = Wording.Iso(ClinicTimeZone.Today(TimeProvider.System).PlusDays(-1));
        (await browser.GetAsync($"/admin/audit?what=staff.create&to={yesterday}")).Dispose();
        Assert.Contains("Nothing matches.", browser.LastPage, StringComparison.Ordinal);

        var someoneElse = Guid.NewGuid();
        (await browser.GetAsync($"/admin/audit?staff={someoneElse}")).Dispose();
        Assert.Contains("Nothing matches.", browser.LastPage, StringComparison.Ordinal);

        using var wrong = await browser.GetAsync("/admin/audit?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Enter a date, like", browser.LastPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reception_is_not_shown_staff_or_audit_and_typing_their_addresses_or_posting_gets_the_403_page()
    {
        var (email, password) = await stack.CreateStaffAsync("reception");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        (await browser.GetAsync("/admin/")).Dispose();
        Assert.DoesNotContain("href=\"/admin/staff\"", browser.LastPage, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/audit\"", browser.LastPage, StringComparison.Ordinal);
        foreach (var path in new[] { "/admin/staff", "/admin/audit", $"/admin/staff/{Guid.NewGuid()}" })
        {
            using var typed = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, typed.StatusCode);
            Assert.Contains("This page is not for your role", browser.LastPage, StringComparison.Ordinal);
        }
        (await browser.GetAsync("/admin/")).Dispose();
        using var posted = await browser.PostFormAsync("/admin/staff",
            [new("Name", "Sneaky"), new("Email", "sneaky@example.com"), new("Password", "a long enough password"), new("Roles", "admin")]);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        await using var db = stack.Admin.OpenDb();
        Assert.False(await db.StaffUsers.AnyAsync(u => u.Email == "sneaky@example.com"));
    }
}
