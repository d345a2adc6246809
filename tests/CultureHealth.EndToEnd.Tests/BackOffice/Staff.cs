using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Calendar;
using CultureHealth.Testing;
using Microsoft.Playwright;
using NodaTime;

namespace CultureHealth.EndToEnd.Tests.BackOffice;

/// <summary>Staff accounts and sign-in for back-office browser tests (through the real gateway).</summary>
public static class Staff
{
    public static readonly Guid Amelia = Guid.Parse("6f1c2a60-1d1b-4c38-9d55-0c8f1f0a0001");
    public static readonly Guid Daniel = Guid.Parse("6f1c2a60-1d1b-4c38-9d55-0c8f1f0a0002");
    public static readonly Guid FollowUp = Guid.Parse("6f1c2a60-1d1b-4c38-9d55-0c8f1f0c0002");
    public const string Password = "a long enough password";

    /// <summary>A new account with one role, made through admin's API by the first admin (as the staff page would).</summary>
    public static async Task<string> CreateAsync(SiteStack site, string role, string name, Guid? practitionerId = null)
    {
        var email = $"{role}.{Guid.NewGuid():N}"[..24] + "@clinic.test";
        using var client = site.GatewayClient(await AdminTokenAsync(site));
        using var created = await client.PostAsJsonAsync("/api/admin/staff", new { email, name, password = Password, roles = new[] { role }, practitionerId });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return email;
    }

    public static async Task<string> AdminTokenAsync(SiteStack site)
    {
        using var client = site.GatewayClient();
        using var login = await client.PostAsJsonAsync("/api/admin/auth/login", new { email = WholeStack.AdminEmail, password = WholeStack.AdminPassword });
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Signs in through the sign-in page, as a person types it, and lands on the dashboard.</summary>
    public static async Task SignInAsync(Browse browse, string email, string password = Password)
    {
        await browse.Page.GotoAsync("/admin/sign-in");
        await browse.Page.GetByLabel("Email address").FillAsync(email);
        await browse.Page.GetByLabel("Password").FillAsync(password);
        await browse.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await browse.Page.WaitForAddressAsync("**/admin/");
    }

    /// <summary>A working weekday at least <paramref name="ahead"/> days away that is not one of the demo clinic's bank holidays.</summary>
    public static LocalDate NextWorkingDay(int ahead = 2)
    {
        var day = SystemClock.Instance.GetCurrentInstant().InZone(CultureHealth.Calendar.ClinicTimeZone.Zone).Date.PlusDays(ahead);
        while (day.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday || (day.Month == 12 && day.Day is 25 or 26 or 28) || (day.Month == 1 && day.Day == 1))
        {
            day = day.PlusDays(1);
        }
        return day;
    }

    public static string Iso(LocalDate day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public sealed record AuditEntry(string StaffEmail, string Action, string Target, int Status);

    /// <summary>Admin's audit log for one member of staff, through the gateway as an admin would read it.</summary>
    public static async Task<List<AuditEntry>> AuditAsync(SiteStack site, string staffEmail)
    {
        using var client = site.GatewayClient(await AdminTokenAsync(site));
        var entries = await client.GetFromJsonAsync<List<AuditEntry>>("/api/admin/audit?pageSize=200");
        return [.. entries!.Where(e => e.StaffEmail == staffEmail)];
    }
}
