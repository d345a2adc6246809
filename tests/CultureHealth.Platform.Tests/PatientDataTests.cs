using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CultureHealth.Admin.Messaging;
using CultureHealth.ServiceDefaults.Secrets;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Platform.Tests;

/// <summary>
/// Issue 17, "their data" (UK GDPR): through the gateway, a patient downloads everything every service holds about
/// their proven address and nothing about anyone else, and asks for erasure: every service's tables, checked by SQL,
/// then hold none of their personal data, the outcome is emailed and audited, and asking again changes nothing.
/// </summary>
public sealed partial class PatientDataTests(PatientDataStack stack) : IClassFixture<PatientDataStack>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] Services = ["patients", "booking", "shop", "content"];

    [Fact]
    public async Task The_export_holds_every_services_data_about_the_patient_and_nobody_elses()
    {
        var alex = await stack.ArrangePatientAsync("alex");
        var blair = await stack.ArrangePatientAsync("blair");

        using var asAlex = stack.GatewayClient(alex.Token);
        using var anonymous = stack.GatewayClient();
        var parts = new Dictionary<string, string>();
        foreach (var service in Services)
        {
            using var response = await asAlex.GetAsync(new Uri($"/api/{service}/me/data", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
            parts[service] = await response.Content.ReadAsStringAsync();
            using var refused = await anonymous.GetAsync(new Uri($"/api/{service}/me/data", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        // Each service's part names what it holds of Alex's.
        Assert.Contains(alex.Email, parts["patients"], StringComparison.Ordinal);
        Assert.Contains(alex.Phone, parts["patients"], StringComparison.Ordinal); // saved details
        Assert.Contains("\"marketingConsent\":true", parts["patients"], StringComparison.Ordinal);
        Assert.Contains("\"waitlist\":[{", parts["booking"], StringComparison.Ordinal);
        Assert.Contains(alex.BookingId.ToString(), parts["booking"], StringComparison.Ordinal);
        Assert.Contains(alex.Note, parts["booking"], StringComparison.Ordinal);
        Assert.Contains(alex.Phone, parts["booking"], StringComparison.Ordinal);
        Assert.Contains(alex.OrderNumber, parts["booking"], StringComparison.Ordinal); // the credits the order bought
        Assert.Contains(alex.OrderNumber, parts["shop"], StringComparison.Ordinal);
        Assert.Contains(alex.Street, parts["shop"], StringComparison.Ordinal);
        Assert.Contains(alex.CommentId.ToString(), parts["content"], StringComparison.Ordinal);
        Assert.Contains(alex.CommentBody, parts["content"], StringComparison.Ordinal);
        using (var patients = JsonDocument.Parse(parts["patients"]))
        {
            Assert.Equal(JsonValueKind.Object, patients.RootElement.GetProperty("account").ValueKind);
        }
        // And nothing of Blair's, in any part.
        foreach (var (service, part) in parts)
        {
            foreach (var marker in blair.Markers.Append(blair.OrderNumber).Append(blair.BookingId.ToString()))
            {
                Assert.DoesNotContain(marker, part, StringComparison.OrdinalIgnoreCase);
            }
        }

        // The website's "Download my data": one attachment with every part.
        using var browser = new SiteBrowser(stack.PublicUrl, alex.Token);
        using (var page = await browser.GetAsync("/account/data"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        using var download = await browser.PostFormAsync("/account/data?handler=Download", []);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("culturehealth-my-data.json", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var file = await download.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(file);
        Assert.Equal(alex.Email, document.RootElement.GetProperty("email").GetString());
        foreach (var service in Services)
        {
            Assert.Equal(JsonValueKind.Object, document.RootElement.GetProperty("services").GetProperty(service).ValueKind);
        }
        foreach (var marker in new[] { alex.Note, alex.Street, alex.CommentBody, alex.OrderNumber, alex.Phone })
        {
            Assert.Contains(marker, file, StringComparison.Ordinal);
        }
        foreach (var marker in blair.Markers)
        {
            Assert.DoesNotContain(marker, file, StringComparison.OrdinalIgnoreCase);
        }

        // Without the patient cookie the page asks for a sign-in first.
        using var stranger = new SiteBrowser(stack.PublicUrl, patientToken: null);
        using var redirected = await stranger.GetAsync("/account/data");
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.StartsWith("/account/sign-in", redirected.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_leaves_none_of_the_patients_data_in_any_service_is_emailed_and_audited_and_asking_again_changes_nothing()
    {
        var casey = await stack.ArrangePatientAsync("casey");
        var drew = await stack.ArrangePatientAsync("drew");
        foreach (var (service, database) in stack.Databases.Where(d => d.Key != "patients"))
        {
            Assert.NotEmpty(await PatientDataStack.RowsMentioningAsync(database, casey.Markers)); // the check below can fail
        }

        // Two clicks at once are one request.
        using var asCasey = stack.GatewayClient(casey.Token);
        var clicks = await Task.WhenAll(RequestErasureAsync(asCasey), RequestErasureAsync(asCasey));
        Assert.Equal(clicks[0].GetProperty("requestId").GetGuid(), clicks[1].GetProperty("requestId").GetGuid());
        var first = await CompletedAsync(asCasey, clicks[0].GetProperty("requestId").GetGuid());
        Assert.Equal(["booking", "content", "notifications", "shop"], first.GetProperty("servicesDone").EnumerateArray().Select(s => s.GetString()));

        await AssertErasedAsync(casey, drew);
        var outcome = await Eventually.GetAsync(() => Task.FromResult(stack.MailTo(casey.Email).Where(m => m.Subject?.StartsWith("Your data has been erased", StringComparison.Ordinal) == true).ToList()),
            m => m.Count > 0, TimeSpan.FromSeconds(60), "the outcome email");
        Assert.Contains("removed or anonymised", Assert.Single(outcome).TextBody, StringComparison.Ordinal);
        var hash = SecretToken.HashOf(casey.Email);
        var audit = await Eventually.GetAsync(async () =>
        {
            await using var admin = stack.Admin.OpenDb();
            return await admin.AuditEntries.AsNoTracking().Where(a => a.Action == PatientErasureCompletedAudit.Action && a.Target == "patient:sha256:" + hash).ToListAsync();
        }, a => a.Count > 0, TimeSpan.FromSeconds(60), "admin audited the erasure");
        Assert.Contains(first.GetProperty("requestId").GetGuid().ToString(), Assert.Single(audit).Details, StringComparison.Ordinal);

        // Asking again (the token still has minutes to run) is a new request that finds nothing left and changes nothing.
        var again = await RequestErasureAsync(asCasey);
        Assert.NotEqual(first.GetProperty("requestId").GetGuid(), again.GetProperty("requestId").GetGuid());
        await CompletedAsync(asCasey, again.GetProperty("requestId").GetGuid());
        await AssertErasedAsync(casey, drew);
        await Eventually.TrueAsync(() => stack.MailTo(casey.Email).Count(m => m.Subject?.StartsWith("Your data has been erased", StringComparison.Ordinal) == true) == 2,
            TimeSpan.FromSeconds(60), "the second outcome email");
        Assert.Contains("nothing to erase", stack.MailTo(casey.Email)[^1].TextBody, StringComparison.Ordinal);

        // What the law makes the clinic keep, it keeps: the order's amounts and lines, the diary's booking.
        await using var shop = stack.Shop.OpenDb();
        var order = await shop.Orders.AsNoTracking().Include(o => o.Items).SingleAsync(o => o.Id == casey.OrderId);
        Assert.True(order.TotalPence > 0);
        Assert.Equal(2, order.Items.Count);
        Assert.Equal("", order.CustomerEmail);
        await using var booking = stack.Booking.OpenDb();
        Assert.True(await booking.Bookings.AnyAsync(b => b.Id == casey.BookingId));
    }

    private async Task AssertErasedAsync(ArrangedPatient erased, ArrangedPatient other)
    {
        foreach (var (service, database) in stack.Databases)
        {
            // Copies (admin's dashboard) follow the services' reports: give them time, but no fixed sleep.
            // The rows as one text, so a failure shows what was left where.
            var left = await Eventually.GetAsync(async () => string.Join("\n", await PatientDataStack.RowsMentioningAsync(database, erased.Markers)),
                rows => rows.Length == 0, TimeSpan.FromSeconds(60), $"{service} holds none of {erased.Email}'s data");
            Assert.Empty(left);
            if (service != "patients")
            {
                Assert.NotEmpty(await PatientDataStack.RowsMentioningAsync(database, [other.Email, other.Name]));
            }
        }
    }

    private static async Task<JsonElement> RequestErasureAsync(HttpClient client)
    {
        using var response = await client.PostAsync(new Uri("/api/patients/me/erasure", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    private static Task<JsonElement> CompletedAsync(HttpClient client, Guid requestId) =>
        Eventually.GetAsync(async () => await client.GetFromJsonAsync<JsonElement>("/api/patients/me/erasure", Json),
            s => s.GetProperty("requestId").GetGuid() == requestId && s.GetProperty("status").GetString() == "completed",
            TimeSpan.FromSeconds(90), "every service reported the erasure");
}

/// <summary>The website at the HTTP level with a patient's cookie: keeps cookies, posts forms with the page's antiforgery token.</summary>
internal sealed partial class SiteBrowser : IDisposable
{
    private readonly HttpClient _http;
    private string _lastPage = "";

    public SiteBrowser(Uri site, string? patientToken)
    {
        var cookies = new CookieContainer();
        if (patientToken is not null)
        {
            cookies.Add(site, new Cookie("ch-patient", patientToken, "/"));
        }
        _http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = site };
    }

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        _lastPage = await response.Content.ReadAsStringAsync();
        return response;
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var form = new List<KeyValuePair<string, string>>(fields);
        if (Token().Match(_lastPage) is { Success: true } token)
        {
            form.Add(new("__af", WebUtility.HtmlDecode(token.Groups[1].Value)));
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new FormUrlEncodedContent(form) };
        return await _http.SendAsync(request);
    }

    /// <summary>The website's antiforgery field (Antiforgery:FormFieldName "__af").</summary>
    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]*)\"")]
    private static partial Regex Token();

    public void Dispose() => _http.Dispose();
}
