using System.Net;

namespace CultureHealth.BackOffice.Tests;

/// <summary>Changing one's own password on the account page, through admin's policy and back-off.</summary>
public sealed class PasswordChangeTests(BackOfficeStack stack) : IClassFixture<BackOfficeStack>
{
    [Fact]
    public async Task A_new_password_keeps_this_browser_signed_in_and_signs_every_other_one_out()
    {
        var (email, password) = await stack.CreateStaffAsync("editor");
        using var here = stack.Browser();
        using var elsewhere = stack.Browser(secondReplica: true);
        (await here.SignInAsync(email, password)).Dispose();
        (await elsewhere.SignInAsync(email, password)).Dispose();

        (await here.GetAsync("/admin/account")).Dispose();
        using (var wrong = await here.PostFormAsync("/admin/account", Form("not my password", "a brand new passphrase")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("Not your current password.", here.LastPage, StringComparison.Ordinal);
        }
        using (var weak = await here.PostFormAsync("/admin/account", Form(password, "short")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
            Assert.Contains("a few unrelated words make a long password easy to remember", here.LastPage, StringComparison.Ordinal);
        }

        const string next = "a brand new passphrase";
        using var changed = await here.PostFormAsync("/admin/account", Form(password, next));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/admin/account?done=password-changed", changed.Headers.Location?.OriginalString);
        using (var still = await here.GetAsync("/admin/account?done=password-changed"))
        {
            Assert.Equal(HttpStatusCode.OK, still.StatusCode);
            Assert.Contains("Your password is changed.", here.LastPage, StringComparison.Ordinal);
        }
        using (var other = await elsewhere.GetAsync("/admin/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
            Assert.StartsWith("/admin/sign-in", other.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        using var stranger = stack.Browser();
        using (var old = await stranger.SignInAsync(email, password))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        }
        using var fresh = await stranger.SignInAsync(email, next);
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
    }

    private static Dictionary<string, string> Form(string current, string next) => new()
    {
        ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmPassword"] = next,
    };
}
