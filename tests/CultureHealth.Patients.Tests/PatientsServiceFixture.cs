using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Contracts;
using CultureHealth.Patients.Api;
using CultureHealth.Patients.Data;
using CultureHealth.Testing;

namespace CultureHealth.Patients.Tests;

/// <summary>
/// One patients service per test class. Each test uses addresses and client addresses of its own, so the
/// per-address and per-client limits of one test never count another's requests.
/// </summary>
public sealed class PatientsServiceFixture : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public TestService<PatientsDbContext> Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("patients-" + Guid.NewGuid().ToString("N")[..8]);
        Service = await TestService<PatientsDbContext>.StartAsync("patients", vhost, settings: new Dictionary<string, string?>
        {
            ["Patients:MaxRequestsPerEmail"] = "3",
            ["Patients:MaxRequestsPerClientAddress"] = "6",
            ["Patients:CleanupInterval"] = "00:00:00.200",
            ["Patients:KeepFinishedProofsFor"] = "00:00:00",
        });
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();

    public static string NewAddress(string who) => $"{who}-{Guid.NewGuid():N}@example.com";

    /// <summary>A client address of the test's own (documentation range), as the gateway's X-Forwarded-For would carry it.</summary>
    public static string NewClient()
    {
        var g = Guid.NewGuid().ToByteArray();
        return $"2001:db8::{g[0]:x2}{g[1]:x2}:{g[2]:x2}{g[3]:x2}:{g[4]:x2}{g[5]:x2}";
    }

    public HttpClient Client() => Service.CreateClient();

    /// <summary>POSTs a proof request as if through the gateway from <paramref name="client"/> (its X-Forwarded-For).</summary>
    public async Task<HttpResponseMessage> RequestProofAsync(string email, string? client = null, string? returnUrl = null)
    {
        using var http = Client();
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/patients/email-proofs") { Content = JsonContent.Create(new { email, returnUrl }) };
        message.Headers.Add("X-Forwarded-For", client ?? NewClient());
        return await http.SendAsync(message);
    }

    public async Task<HttpResponseMessage> VerifyAsync(string email, string code)
    {
        using var http = Client();
        return await http.PostAsJsonAsync("/api/patients/email-proofs/verify", new { email, code });
    }

    /// <summary>The codes emailed to <paramref name="email"/>, newest last, opened from the outbox as notifications opens them.</summary>
    public async Task<List<string>> EmailedCodesAsync(string email) =>
        (await Service.OutboxEventsAsync<EmailProofRequested>())
            .Where(e => e.Email == email.Trim().ToLowerInvariant())
            .OrderBy(e => e.OccurredAt)
            .Select(e => TestSecrets.Events.Open(e.SealedCode)!)
            .ToList();

    /// <summary>Proves <paramref name="email"/> as a patient does (request, emailed code, verify) and returns the token.</summary>
    public async Task<PatientAccessToken> ProveAsync(string email)
    {
        using var requested = await RequestProofAsync(email);
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var code = (await EmailedCodesAsync(email)).Last();
        using var verified = await VerifyAsync(email, code);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        return (await verified.Content.ReadFromJsonAsync<PatientAccessToken>(Json))!;
    }
}
