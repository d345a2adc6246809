using System.Net;
using System.Text.RegularExpressions;

namespace CultureHealth.BackOffice.Tests;

/// <summary>
/// What a browser does, at the HTTP level: keeps cookies, follows nothing by itself, sends forms with the
/// antiforgery token the last page carried (or without it, to play an attacker).
/// </summary>
public sealed partial class StaffBrowser : IDisposable
{
    private readonly HttpClient _http;

    public StaffBrowser(Uri baseAddress, CookieContainer? cookies = null)
    {
        Cookies = cookies ?? new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public string LastPage { get; private set; } = "";

    /// <summary>Go "back" to a page seen earlier (its form is what the next post sends, as a second click would).</summary>
    public void LastPageOverride(string html) => LastPage = html;

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        LastPage = await response.Content.ReadAsStringAsync();
        return response;
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    /// <summary>Posts a form; the antiforgery token comes from the last page unless <paramref name="token"/> says otherwise.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields, bool withToken = true, string? origin = null) =>
        PostFormAsync(path, (IEnumerable<KeyValuePair<string, string>>)fields, withToken, origin);

    /// <summary>The same, for forms that repeat a name (ticked checkboxes).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, bool withToken = true, string? origin = null)
    {
        var form = new List<KeyValuePair<string, string>>(fields);
        if (withToken && TokenOnPage(LastPage) is { } token)
        {
            form.Add(new("__RequestVerificationToken", token));
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new FormUrlEncodedContent(form) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        var response = await _http.SendAsync(request);
        LastPage = await response.Content.ReadAsStringAsync();
        return response;
    }

    /// <summary>Signs in through the sign-in page, as a person would.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password)
    {
        (await GetAsync("/admin/sign-in")).Dispose();
        return await PostFormAsync("/admin/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
    }

    public string? SessionCookie => Cookies.GetAllCookies().FirstOrDefault(c => c.Name == BackOffice.Sessions.SessionCookie.Name)?.Value;

    /// <summary>The value of the form input called <paramref name="name"/> (the first, or the first radio button), as a browser would send it.</summary>
    public static string? InputValue(string html, string name)
    {
        foreach (Match input in InputPattern().Matches(html))
        {
            var tag = input.Value;
            if (tag.Contains($"name=\"{name}\"", StringComparison.Ordinal) && ValuePattern().Match(tag) is { Success: true } value)
            {
                return WebUtility.HtmlDecode(value.Groups[1].Value);
            }
        }
        return null;
    }

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("\\svalue=\"([^\"]*)\"")]
    private static partial Regex ValuePattern();

    public static string? TokenOnPage(string html) => TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]*)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => _http.Dispose();
}
