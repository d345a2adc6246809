using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using MimeKit;

namespace CultureHealth.EndToEnd.Tests;

/// <summary>What staff do about comments, through the gateway's staff API as the back office would; and the emails that follow.</summary>
public static class Moderation
{
    /// <summary>Approves the pending comment by this author (unique per test) and returns its id.</summary>
    public static async Task<Guid> ApproveAsync(SiteStack site, string authorName)
    {
        using var staff = site.GatewayClient(TestStaff.TokenFor(StaffRoles.Editor));
        Guid? id = null;
        await Eventually.TrueAsync(async () =>
        {
            var queue = await staff.GetFromJsonAsync<JsonElement>("/api/admin/content/comments?status=pending&pageSize=50");
            id = queue.GetProperty("items").EnumerateArray()
                .Where(c => c.GetProperty("authorName").GetString() == authorName)
                .Select(c => (Guid?)c.GetProperty("id").GetGuid()).FirstOrDefault();
            return id is not null;
        }, TimeSpan.FromSeconds(20), $"{authorName}'s comment in the moderation queue");
        using var approved = await staff.PostAsync(new Uri($"/api/admin/content/comments/{id}/approve", UriKind.Relative), null);
        approved.EnsureSuccessStatusCode();
        return id!.Value;
    }

    /// <summary>The email notifications wrote (as an .eml file) to this address, once it is there.</summary>
    /// <param name="matching">Which of the address's emails (e.g. by subject); any when null.</param>
    public static async Task<MimeMessage> EmailToAsync(SiteStack site, string address, TimeSpan within, Func<MimeMessage, bool>? matching = null)
    {
        MimeMessage? found = null;
        await Eventually.TrueAsync(async () =>
        {
            foreach (var file in Directory.EnumerateFiles(site.MailFolder, "*.eml"))
            {
                MimeMessage message;
                try
                {
                    message = await MimeMessage.LoadAsync(file);
                }
                catch (IOException)
                {
                    continue; // still being written
                }
                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)) && (matching?.Invoke(message) ?? true))
                {
                    found = message;
                    return true;
                }
            }
            return false;
        }, within, $"an email to {address} in {site.MailFolder}");
        return found!;
    }
}
