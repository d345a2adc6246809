using System.Net.Http.Json;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace CultureHealth.Storefront.Api;

public sealed record EmailProofAccepted(string Message);

/// <summary>A patient access token: proof, for about an hour, that the visitor reads <see cref="Email"/>'s mail.</summary>
public sealed record PatientAccess(string AccessToken, DateTimeOffset ExpiresAt, string Email);

/// <summary>What the patients service keeps for a signed-in patient: saved details and email preferences.</summary>
public sealed record PatientProfile(string Email, string? Name, string? Phone, bool MarketingConsent, DateTimeOffset? MarketingConsentChangedAt);

/// <summary>
/// The patients service's public API through the gateway: proving an email address with an emailed code, and the
/// signed-in patient's own details and email preferences (by their patient token).
/// </summary>
public sealed partial class PatientsApi(HttpClient http, HybridCache cache, ILogger<PatientsApi> logger, IOptions<StorefrontOptions> options)
    : GatewayApi(http, cache, logger)
{
    /// <summary>202 for any well-formed address (known or not); 429 with Retry-After past a limit.</summary>
    /// <param name="returnUrl">A path on this site that the emailed one-click link leads back to.</param>
    public async Task<ApiReply<EmailProofAccepted>> RequestProofAsync(string? email, string? returnUrl, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/patients/email-proofs")
        {
            Content = JsonContent.Create(new { email, returnUrl }, options: Json),
        };
        return await SendForReplyAsync<EmailProofAccepted>(request, "POST email proof", ct);
    }

    /// <summary>The code from the email for a patient token; Invalid (field <c>code</c>) for a wrong, used or expired one.</summary>
    public async Task<ApiReply<PatientAccess>> VerifyProofAsync(string? email, string? code, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/patients/email-proofs/verify")
        {
            Content = JsonContent.Create(new { email, code }, options: Json),
        };
        return await SendForReplyAsync<PatientAccess>(request, "POST email proof verify", ct);
    }

    /// <summary>Refused when the token expired.</summary>
    public async Task<ApiReply<PatientProfile>> ProfileAsync(string patientToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/patients/me");
        Authorize(request, patientToken);
        return await SendForReplyAsync<PatientProfile>(request, "GET my profile", ct);
    }

    /// <summary>
    /// What a signed-in patient saved (and the address they proved), to start the booking and checkout forms with.
    /// Null for a guest, an expired token or a patients service that cannot answer within one attempt's time (no
    /// retries: a convenience must not hold up the form): the form then starts empty, as a guest's does.
    /// </summary>
    public async Task<PatientProfile?> SavedDetailsAsync(string? patientToken, CancellationToken ct)
    {
        if (patientToken is null)
        {
            return null;
        }
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(options.Value.ApiAttemptTimeout);
        try
        {
            return await ProfileAsync(patientToken, budget.Token) is { IsDone: true } reply ? reply.Value : null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            LogSavedDetailsLate(Logger, options.Value.ApiAttemptTimeout);
            return null;
        }
    }

    /// <summary>Invalid names the field (<c>name</c>, <c>phone</c>).</summary>
    public async Task<ApiReply<PatientProfile>> SaveDetailsAsync(string patientToken, string? name, string? phone, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/patients/me/details")
        {
            Content = JsonContent.Create(new { name, phone }, options: Json),
        };
        Authorize(request, patientToken);
        return await SendForReplyAsync<PatientProfile>(request, "PUT my details", ct);
    }

    public async Task<ApiReply<PatientProfile>> SavePreferencesAsync(string patientToken, bool marketingEmails, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/patients/me/preferences")
        {
            Content = JsonContent.Create(new { marketingEmails }, options: Json),
        };
        Authorize(request, patientToken);
        return await SendForReplyAsync<PatientProfile>(request, "PUT my preferences", ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The patient's saved details did not come within {Budget}; the form starts empty")]
    private static partial void LogSavedDetailsLate(ILogger logger, TimeSpan budget);
}
