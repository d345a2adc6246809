using System.Net;
using System.Text;
using CultureHealth.Admin.Data;
using CultureHealth.BackOffice.Sessions;
using CultureHealth.ServiceDefaults.Secrets;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.BackOffice.Tests;

/// <summary>The BFF's promises: tokens stay on the server, one locked-down cookie, forms need the session's token.</summary>
public sealed class SignInAndSessionTests(BackOfficeStack stack) : IClassFixture<BackOfficeStack>
{
    [Fact]
    public async Task A_page_asks_for_sign_in_then_the_browser_holds_only_an_httponly_strict_session_cookie()
    {
        using var browser = stack.Browser();
        using (var anonymous = await browser.GetAsync("/admin/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Equal("/admin/sign-in?returnUrl=%2Fadmin%2F", anonymous.Headers.Location?.OriginalString);
        }

        using var signedIn = await browser.SignInAsync(BackOfficeStack.AdminEmail, BackOfficeStack.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/admin/", signedIn.Headers.Location?.OriginalString);
        var setCookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(SessionCookie.Name + "=", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/admin", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", setCookie, StringComparison.OrdinalIgnoreCase);

        using var dashboard = await browser.GetAsync("/admin/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("<h1>Dashboard</h1>", browser.LastPage, StringComparison.Ordinal);
        Assert.Single(browser.Cookies.GetAllCookies());

        // The tokens are nowhere the browser can see, and sealed where the server keeps them.
        var cookie = browser.SessionCookie!;
        Assert.DoesNotContain('.', cookie);
        await using var sessions = stack.BackOffice.OpenDb();
        var row = await sessions.Sessions.AsNoTracking().SingleAsync(s => s.Email == BackOfficeStack.AdminEmail && s.IdHash == Hash(cookie));
        Assert.DoesNotContain("eyJ", Encoding.UTF8.GetString(row.SealedAccessToken), StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", browser.LastPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_sends_a_nonce_based_content_security_policy_and_no_store()
    {
        using var browser = stack.Browser();
        using var page = await browser.GetAsync("/admin/sign-in");
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'nonce-", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_what_to_do_next()
    {
        using var browser = stack.Browser();
        using var refused = await browser.SignInAsync(BackOfficeStack.AdminEmail, "not the password");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("do not match an active staff account", browser.LastPage, StringComparison.Ordinal);
        Assert.Null(browser.SessionCookie);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_pause_sign_in_and_the_page_says_how_long_and_what_to_do()
    {
        var (email, password) = await stack.CreateStaffAsync("editor");
        using var browser = stack.Browser();
        HttpStatusCode status = default;
        TimeSpan? retryAfter = null;
        for (var i = 0; i < 6 && status != HttpStatusCode.TooManyRequests; i++)
        {
            using var attempt = await browser.SignInAsync(email, "wrong password " + i);
            status = attempt.StatusCode;
            retryAfter = attempt.Headers.RetryAfter?.Delta;
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.NotNull(retryAfter);
        Assert.Contains("signing in is paused", browser.LastPage, StringComparison.Ordinal);
        Assert.Contains($"Wait {(int)retryAfter.Value.TotalSeconds} seconds", browser.LastPage, StringComparison.Ordinal);
        Assert.Contains("ask the clinic&#x27;s administrator", browser.LastPage, StringComparison.Ordinal);

        // Even the right password waits for the pause to end.
        using var right = await browser.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Null(browser.SessionCookie);
    }

    [Fact]
    public async Task The_other_replica_serves_the_same_session()
    {
        using var first = stack.Browser();
        (await first.SignInAsync(BackOfficeStack.AdminEmail, BackOfficeStack.AdminPassword)).Dispose();

        using var second = new StaffBrowser(stack.SecondReplica.Factory.BaseAddress, first.Cookies);
        using var dashboard = await second.GetAsync("/admin/account");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);

        // A form rendered by one replica is accepted by the other: the antiforgery token lives in the session.
        using var signOut = await second.PostFormAsync("/admin/sign-out", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var after = await first.GetAsync("/admin/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task A_stolen_session_cookie_without_the_form_token_changes_nothing()
    {
        var (email, password) = await stack.CreateStaffAsync("reception");
        using var victim = stack.Browser();
        (await victim.SignInAsync(email, password)).Dispose();

        var stolen = new CookieContainer();
        stolen.Add(new Cookie(SessionCookie.Name, victim.SessionCookie, "/admin", stack.BackOffice.Factory.BaseAddress.Host));
        using var attacker = new StaffBrowser(stack.BackOffice.Factory.BaseAddress, stolen);
        var change = new Dictionary<string, string>
        {
            ["CurrentPassword"] = password, ["NewPassword"] = "the attacker's password", ["ConfirmPassword"] = "the attacker's password",
        };
        using (var refused = await attacker.PostFormAsync("/admin/account", change, withToken: false))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("The form could not be accepted", attacker.LastPage, StringComparison.Ordinal);
        }
        using (var forged = await attacker.PostFormAsync("/admin/sign-out", new Dictionary<string, string> { ["__RequestVerificationToken"] = "guessed" }, withToken: false))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        // The victim's session and password are as they were.
        using var still = await victim.GetAsync("/admin/account");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
        using var fresh = stack.Browser();
        using var oldPassword = await fresh.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, oldPassword.StatusCode);
    }

    [Fact]
    public async Task A_form_posted_from_another_site_is_refused_even_with_the_token()
    {
        using var browser = stack.Browser();
        (await browser.SignInAsync(BackOfficeStack.AdminEmail, BackOfficeStack.AdminPassword)).Dispose();
        (await browser.GetAsync("/admin/sign-out")).Dispose();
        using var crossSite = await browser.PostFormAsync("/admin/sign-out", new Dictionary<string, string>(), origin: "https://evil.example");
        Assert.Equal(HttpStatusCode.BadRequest, crossSite.StatusCode);
        using var still = await browser.GetAsync("/admin/");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_here_and_its_refresh_token_at_admin()
    {
        var (email, password) = await stack.CreateStaffAsync("editor");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        var cookie = browser.SessionCookie!;
        (await browser.GetAsync("/admin/sign-out")).Dispose();
        using var signedOut = await browser.PostFormAsync("/admin/sign-out", new Dictionary<string, string>());
        Assert.Equal("/admin/sign-in?done=signed-out", signedOut.Headers.Location?.OriginalString);

        // The old cookie, replayed, is nobody.
        var replay = new CookieContainer();
        replay.Add(new Cookie(SessionCookie.Name, cookie, "/admin", stack.BackOffice.Factory.BaseAddress.Host));
        using var again = new StaffBrowser(stack.BackOffice.Factory.BaseAddress, replay);
        using var page = await again.GetAsync("/admin/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);

        await using var admin = stack.Admin.OpenDb();
        var staffId = await admin.StaffUsers.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        Assert.All(await admin.RefreshTokens.Where(t => t.StaffId == staffId).ToListAsync(), t => Assert.NotNull(t.RevokedAt));
    }

    [Fact]
    public async Task An_idle_session_ends_and_the_next_page_asks_to_sign_in_again()
    {
        using var browser = stack.Browser();
        (await browser.SignInAsync(BackOfficeStack.AdminEmail, BackOfficeStack.AdminPassword)).Dispose();
        var hash = Hash(browser.SessionCookie!);
        await using (var db = stack.BackOffice.OpenDb())
        {
            // As if nobody had used it for longer than the idle timeout (30 minutes by default).
            await db.Sessions.Where(s => s.IdHash == hash).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, s => s.LastSeenAt.AddMinutes(-31)));
        }

        using var page = await browser.GetAsync("/admin/account");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/admin/sign-in", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        await using var after = stack.BackOffice.OpenDb();
        Assert.False(await after.Sessions.AnyAsync(s => s.IdHash == hash));
    }

    [Fact]
    public async Task An_expired_access_token_is_refreshed_on_the_server_and_the_refresh_token_rotates()
    {
        var (email, password) = await stack.CreateStaffAsync("reception");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        var hash = Hash(browser.SessionCookie!);
        byte[] before;
        await using (var db = stack.BackOffice.OpenDb())
        {
            before = (await db.Sessions.AsNoTracking().SingleAsync(s => s.IdHash == hash)).SealedAccessToken;
            await db.Sessions.Where(s => s.IdHash == hash).ExecuteUpdateAsync(u => u.SetProperty(s => s.AccessExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-5)));
        }

        // Two pages at once (two tabs): one refresh, not two (a second use of a refresh token would sign her out everywhere).
        var pages = await Task.WhenAll(browser.GetAsync("/admin/"), new StaffBrowser(stack.SecondReplica.Factory.BaseAddress, browser.Cookies).GetAsync("/admin/"));
        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.StatusCode));

        await using var after = stack.BackOffice.OpenDb();
        var row = await after.Sessions.AsNoTracking().SingleAsync(s => s.IdHash == hash);
        Assert.NotEqual(before, row.SealedAccessToken);
        Assert.True(row.AccessExpiresAt > DateTimeOffset.UtcNow.AddMinutes(5));
        await using var admin = stack.Admin.OpenDb();
        var staffId = await admin.StaffUsers.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var tokens = await admin.RefreshTokens.Where(t => t.StaffId == staffId).ToListAsync();
        Assert.Equal(2, tokens.Count);
        Assert.Single(tokens, t => t.RevokedAt is null);
    }

    [Fact]
    public async Task An_access_token_admin_refuses_is_replaced_by_a_refresh_and_the_page_still_loads()
    {
        var (email, password) = await stack.CreateStaffAsync("reception");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        var hash = Hash(browser.SessionCookie!);
        await using (var db = stack.BackOffice.OpenDb())
        {
            // As if admin stopped honouring the token (a role change or a sign-out on another device renews the account's stamp).
            var refused = SecretBox.Seal(Convert.FromBase64String(BackOfficeStack.SessionKey), Encoding.UTF8.GetBytes("not.a.token"));
            await db.Sessions.Where(s => s.IdHash == hash).ExecuteUpdateAsync(u => u.SetProperty(s => s.SealedAccessToken, refused));
        }

        using var page = await browser.GetAsync("/admin/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("appointments today", browser.LastPage, StringComparison.Ordinal);
        await using var after = stack.BackOffice.OpenDb();
        Assert.True(await after.Sessions.AnyAsync(s => s.IdHash == hash));
    }

    [Fact]
    public async Task When_admin_refuses_the_refresh_too_the_session_ends_and_the_browser_is_asked_to_sign_in()
    {
        var (email, password) = await stack.CreateStaffAsync("reception");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        var hash = Hash(browser.SessionCookie!);
        await using (var admin = stack.Admin.OpenDb())
        {
            // Disabled by an administrator: every refresh token of the account is revoked.
            var staffId = await admin.StaffUsers.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            await admin.RefreshTokens.Where(t => t.StaffId == staffId).ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAt, DateTimeOffset.UtcNow));
        }
        await using (var db = stack.BackOffice.OpenDb())
        {
            await db.Sessions.Where(s => s.IdHash == hash).ExecuteUpdateAsync(u => u.SetProperty(s => s.AccessExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }

        using var page = await browser.GetAsync("/admin/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/admin/sign-in?ended=1", page.Headers.Location?.OriginalString);
        await using var after = stack.BackOffice.OpenDb();
        Assert.False(await after.Sessions.AnyAsync(s => s.IdHash == hash));
    }

    [Fact]
    public async Task The_dashboards_own_refresh_gets_just_the_panels_and_does_not_keep_an_idle_session_alive()
    {
        using var browser = stack.Browser();
        (await browser.SignInAsync(BackOfficeStack.AdminEmail, BackOfficeStack.AdminPassword)).Dispose();
        var hash = Hash(browser.SessionCookie!);
        var longAgo = DateTimeOffset.UtcNow.AddMinutes(-20);
        await using (var db = stack.BackOffice.OpenDb())
        {
            await db.Sessions.Where(s => s.IdHash == hash).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, longAgo));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/?handler=Panels");
        request.Headers.Add("X-Background-Refresh", "1");
        using var panels = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, panels.StatusCode);
        var html = await panels.Content.ReadAsStringAsync();
        Assert.Contains("appointments today", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);

        await using var after = stack.BackOffice.OpenDb();
        var lastSeen = (await after.Sessions.AsNoTracking().SingleAsync(s => s.IdHash == hash)).LastSeenAt;
        Assert.True(Math.Abs((lastSeen - longAgo).TotalSeconds) < 1, $"last seen moved to {lastSeen:O}");
    }

    private static string Hash(string sessionId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(sessionId)));
}
