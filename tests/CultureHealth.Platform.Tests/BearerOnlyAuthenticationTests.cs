using System.Net;
using System.Net.Http.Headers;
using CultureHealth.ServiceDefaults;
using CultureHealth.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CultureHealth.Platform.Tests;

/// <summary>
/// ServiceDefaults runs the JWT handler only for a request that presents a bearer token (every credential here is
/// one). WebApplication adds authentication at the head of the pipeline by itself unless it is told it is already
/// there, which is how the saving was lost once: these tests count the handler's runs, so they fail if it comes back.
/// </summary>
public sealed class BearerOnlyAuthenticationTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private int _handlerRuns;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["StaffAuth:JwksUrl"] = "http://keys.invalid/.well-known/jwks.json";
        builder.AddServiceDefaults();
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            var received = jwt.Events.OnMessageReceived;
            jwt.Events.OnMessageReceived = context =>
            {
                Interlocked.Increment(ref _handlerRuns);
                return received(context);
            };
        });
        _app = builder.Build();
        _app.UseServiceDefaults();
        _app.MapGet("/open", () => TypedResults.Ok());
        _app.MapGet("/staff", () => TypedResults.Ok()).RequireAuthorization(StaffPolicies.AnyStaff);
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    private int HandlerRuns => Volatile.Read(ref _handlerRuns);

    [Fact]
    public async Task A_request_without_a_token_never_reaches_the_jwt_handler()
    {
        using var open = await _client.GetAsync("/open");
        using var health = await _client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(0, HandlerRuns);
    }

    [Fact]
    public async Task A_staff_endpoint_without_a_token_still_answers_401()
    {
        using var staff = await _client.GetAsync("/staff");

        // The 401's challenge asks the handler for its result, so no count is asserted here: only the refusal.
        Assert.Equal(HttpStatusCode.Unauthorized, staff.StatusCode);
        Assert.Contains(staff.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task A_request_with_a_token_is_checked_once_and_a_bad_one_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, HandlerRuns);
    }
}
