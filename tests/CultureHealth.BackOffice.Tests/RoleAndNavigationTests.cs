using System.Net;

namespace CultureHealth.BackOffice.Tests;

/// <summary>Navigation shows what a role may do; a page it may not use answers the 403 page, typed URL or not.</summary>
public sealed class RoleAndNavigationTests(BackOfficeStack stack) : IClassFixture<BackOfficeStack>
{
    [Fact]
    public async Task Reception_sees_the_diary_in_the_navigation_and_may_open_it()
    {
        var (email, password) = await stack.CreateStaffAsync("reception");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        using var dashboard = await browser.GetAsync("/admin/");
        Assert.Contains("href=\"/admin/diary\"", browser.LastPage, StringComparison.Ordinal);
        using var diary = await browser.GetAsync("/admin/diary");
        Assert.Equal(HttpStatusCode.OK, diary.StatusCode);
    }

    [Fact]
    public async Task An_editor_is_not_shown_the_diary_and_typing_its_address_gets_the_403_page()
    {
        var (email, password) = await stack.CreateStaffAsync("editor");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        using var dashboard = await browser.GetAsync("/admin/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.DoesNotContain("href=\"/admin/diary\"", browser.LastPage, StringComparison.Ordinal);

        using var typed = await browser.GetAsync("/admin/diary");
        Assert.Equal(HttpStatusCode.Forbidden, typed.StatusCode);
        Assert.Contains("This page is not for your role", browser.LastPage, StringComparison.Ordinal);
        Assert.Equal("text/html", typed.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Metrics_and_health_answer_on_the_bare_paths_Prometheus_scrapes_but_not_under_the_public_admin_path()
    {
        using var bare = new HttpClient { BaseAddress = stack.BackOffice.Factory.BaseAddress };
        using (var metrics = await bare.GetAsync(new Uri("/metrics", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        }
        foreach (var path in new[] { "/admin/metrics", "/admin/health/ready", "/admin/health" })
        {
            using var hidden = await bare.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }
    }

    [Fact]
    public async Task An_unknown_address_gets_the_404_page()
    {
        using var browser = stack.Browser();
        (await browser.SignInAsync(BackOfficeStack.AdminEmail, BackOfficeStack.AdminPassword)).Dispose();
        using var missing = await browser.GetAsync("/admin/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Page not found", browser.LastPage, StringComparison.Ordinal);
    }
}

/// <summary>
/// The dashboard is admin's event-built read model: it answers with the shop and content down (and booking out of
/// admin's reach); a page that needs booking says it is unavailable.
/// </summary>
public sealed class DashboardWithServicesDownTests(BackOfficeWithoutShopStack stack) : IClassFixture<BackOfficeWithoutShopStack>
{
    [Theory]
    [InlineData("/admin/", HttpStatusCode.OK, "Low stock", "taken today")]
    [InlineData("/admin/diary/waitlist", HttpStatusCode.ServiceUnavailable, "Not possible right now", "<h1>Waitlist</h1>")]
    public async Task The_dashboard_still_shows_and_a_page_that_needs_booking_says_it_is_unavailable(
        string path, HttpStatusCode status, string says, string alsoSays)
    {
        using var browser = stack.Browser();
        (await browser.SignInAsync(BackOfficeStack.AdminEmail, BackOfficeStack.AdminPassword)).Dispose();
        using var page = await browser.GetAsync(path);
        Assert.Equal(status, page.StatusCode);
        Assert.Contains(says, browser.LastPage, StringComparison.Ordinal);
        Assert.Contains(alsoSays, browser.LastPage, StringComparison.Ordinal);
        if (status == HttpStatusCode.ServiceUnavailable)
        {
            Assert.True(page.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 page says when to try again (Retry-After)");
        }
    }
}
