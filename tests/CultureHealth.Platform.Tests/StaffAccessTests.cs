using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Gateway;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;

namespace CultureHealth.Platform.Tests;

/// <summary>Staff sign-in and role checks, through the gateway and against the services directly.</summary>
public sealed class StaffAccessTests(WholeStack stack) : IClassFixture<WholeStack>
{
    private sealed record Session(string AccessToken, string RefreshToken);

    private static async Task<(HttpStatusCode Status, Session? Session)> SignInAsync(HttpClient client, string email, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/admin/auth/login", new { email, password });
        if (!response.IsSuccessStatusCode)
        {
            return (response.StatusCode, null);
        }
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, new Session(body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!));
    }

    private static async Task<HttpStatusCode> RefreshAsync(HttpClient client, string refreshToken)
    {
        using var response = await client.PostAsJsonAsync("/api/admin/auth/refresh", new { refreshToken });
        return response.StatusCode;
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return request;
    }

    [Fact]
    public async Task The_first_admin_signs_in_through_the_gateway_and_refresh_tokens_rotate()
    {
        using var gateway = stack.GatewayClient();
        var (status, session) = await SignInAsync(gateway, WholeStack.AdminEmail, WholeStack.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, status);

        using (var me = await gateway.SendAsync(Authorized(HttpMethod.Get, "/api/admin/me", session!.AccessToken)))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.Contains(StaffRoles.Admin, await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var refreshed = await gateway.PostAsJsonAsync("/api/admin/auth/refresh", new { refreshToken = session.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var next = (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString()!;

        // A spent refresh token is refused. (Presented again right away it may be the same client racing itself, so
        // the new session lives on; later reuse ends the whole family: CultureHealth.Admin.Tests, RefreshRotationTests.)
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshAsync(gateway, session.RefreshToken));
        Assert.Equal(HttpStatusCode.OK, await RefreshAsync(gateway, next));
    }

    [Theory]
    [InlineData("GET", "/api/admin/staff")]
    [InlineData("GET", "/api/admin/audit")]
    [InlineData("PUT", "/api/admin/booking/practitioners/6f1c2a60-1d1b-4c38-9d55-0c8f1f0a0099")]
    public async Task Anonymous_calls_to_staff_endpoints_get_401_at_the_gateway_and_at_the_service(string method, string path)
    {
        using var gateway = stack.GatewayClient();
        using var viaGateway = await gateway.SendAsync(Authorized(new HttpMethod(method), path, null, method == "GET" ? null : new { name = "x", title = "y" }));
        Assert.Equal(HttpStatusCode.Unauthorized, viaGateway.StatusCode);
        Assert.Equal("application/problem+json", viaGateway.Content.Headers.ContentType?.MediaType);

        using var admin = stack.Admin.CreateClient();
        using var direct = await admin.SendAsync(Authorized(new HttpMethod(method), path, null, method == "GET" ? null : new { name = "x", title = "y" }));
        Assert.Equal(HttpStatusCode.Unauthorized, direct.StatusCode);
    }

    [Fact]
    public async Task Wrong_role_gets_403_at_admin_and_at_the_service_behind_it()
    {
        var editor = TestStaff.TokenFor(StaffRoles.Editor);
        using var gateway = stack.GatewayClient();

        using (var staffList = await gateway.SendAsync(Authorized(HttpMethod.Get, "/api/admin/staff", editor)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, staffList.StatusCode);
        }
        var practitioner = $"practitioners/{Guid.NewGuid()}";
        using (var forwarded = await gateway.SendAsync(Authorized(HttpMethod.Put, $"/api/admin/booking/{practitioner}", editor, new { name = "x", title = "y" })))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forwarded.StatusCode);
        }
        using var booking = stack.Booking.CreateClient();
        using var direct = await booking.SendAsync(Authorized(HttpMethod.Put, $"/manage/booking/{practitioner}", editor, new { name = "x", title = "y" }));
        Assert.Equal(HttpStatusCode.Forbidden, direct.StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_cannot_refresh_and_the_change_is_audited()
    {
        using var gateway = stack.GatewayClient();
        var (_, admin) = await SignInAsync(gateway, WholeStack.AdminEmail, WholeStack.AdminPassword);
        var email = $"reception.{Guid.NewGuid():N}@test.culturehealth.local";
        using var created = await gateway.SendAsync(Authorized(HttpMethod.Post, "/api/admin/staff", admin!.AccessToken,
            new { email, name = "Front Desk", password = "a long enough password", roles = new[] { StaffRoles.Reception } }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var staffId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var (status, reception) = await SignInAsync(gateway, email, "a long enough password");
        Assert.Equal(HttpStatusCode.OK, status);

        using (var disabled = await gateway.SendAsync(Authorized(HttpMethod.Put, $"/api/admin/staff/{staffId}", admin.AccessToken, new { disabled = true })))
        {
            Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshAsync(gateway, reception!.RefreshToken));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(gateway, email, "a long enough password")).Status);

        using var audit = await gateway.SendAsync(Authorized(HttpMethod.Get, $"/api/admin/audit?action=staff.", admin.AccessToken));
        var entries = await audit.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(entries.EnumerateArray(), e => e.GetProperty("action").GetString() == "staff.update"
            && e.GetProperty("target").GetString() == staffId && e.GetProperty("staffEmail").GetString() == WholeStack.AdminEmail
            && e.GetProperty("details").GetString()!.Contains("\"Disabled\":true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Repeated_wrong_passwords_start_a_back_off_even_for_the_right_password()
    {
        using var gateway = stack.GatewayClient();
        var (_, admin) = await SignInAsync(gateway, WholeStack.AdminEmail, WholeStack.AdminPassword);
        var email = $"editor.{Guid.NewGuid():N}@test.culturehealth.local";
        using (var created = await gateway.SendAsync(Authorized(HttpMethod.Post, "/api/admin/staff", admin!.AccessToken,
            new { email, name = "Editor", password = "the right password!", roles = new[] { StaffRoles.Editor } })))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await SignInAsync(gateway, email, "not the password")).Status);
        }
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(gateway, email, "the right password!")).Status);
    }

    [Fact]
    public async Task Brute_force_sign_in_is_rate_limited_per_client_with_retry_after()
    {
        // A gateway of its own with a small sign-in allowance, so other tests' sign-ins do not count.
        await using var gateway = new ServiceFactory<DownstreamHealth>(new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:admin:Destinations:primary:Address"] = stack.Admin.Factory.BaseAddress.ToString(),
            ["Gateway:RateLimits:sign-in"] = "3",
        }, listen: true);
        using var client = gateway.CreateHttpClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostAsJsonAsync("/api/admin/auth/login", new { email = "nobody@test.culturehealth.local", password = "guess" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) { limited ??= response; } else { response.Dispose(); }
        }
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(limited!.Headers.RetryAfter);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        limited.Dispose();
    }
}
