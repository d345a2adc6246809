using CultureHealth.Patients.Application;
using CultureHealth.Patients.Domain;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Patients.Api;

/// <summary><c>returnUrl</c>: a path on the site (e.g. "/account" or "/booking?type=…") the emailed link returns to.</summary>
public sealed record EmailProofRequest(string? Email, string? ReturnUrl);

public sealed record EmailProofAccepted(string Message);

public sealed record EmailProofVerification(string? Email, string? Code);

public sealed record PatientAccessToken(string AccessToken, DateTimeOffset ExpiresAt, string Email);

/// <summary>Proving an email address: ask for a code, send it back, get a patient access token.</summary>
public static class EmailProofEndpoints
{
    private const string AcceptedMessage =
        "If this address can receive email, a code and a sign-in link are on their way. They work for 10 minutes.";

    public static IEndpointRouteBuilder MapEmailProofEndpoints(this IEndpointRouteBuilder app)
    {
        var proofs = app.MapGroup("/api/patients/email-proofs").WithTags("Email proofs");
        proofs.MapPost("/", Request);
        proofs.MapPost("/verify", Verify);
        return app;
    }

    /// <summary>Always 202 for a well-formed address, known or not; 429 (with Retry-After) past a limit.</summary>
    private static async Task<Results<Accepted<EmailProofAccepted>, ValidationProblem>> Request(
        EmailProofRequest? body, HttpContext http, EmailProofs proofs, CancellationToken ct)
    {
        var v = new RequestValidator();
        if (body is null)
        {
            return v.Add("body", "A JSON body is required.").Problem();
        }

        var email = body.Email?.Trim();
        v.Email("email", email);
        if (body.ReturnUrl is not null && !ReturnPath.IsSafe(body.ReturnUrl))
        {
            v.Add("returnUrl", $"A path on this site starting with a single '/', at most {ReturnPath.MaxLength} characters.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        await proofs.RequestAsync(email!, body.ReturnUrl, ClientAddress.Of(http), ct);
        return TypedResults.Accepted((string?)null, new EmailProofAccepted(AcceptedMessage));
    }

    private static async Task<Results<Ok<PatientAccessToken>, ValidationProblem>> Verify(
        EmailProofVerification? body, HttpContext http, EmailProofs proofs, CancellationToken ct)
    {
        var v = new RequestValidator();
        if (body is null)
        {
            return v.Add("body", "A JSON body is required.").Problem();
        }

        var email = body.Email?.Trim();
        // People paste "123 456" from the email; the digits are what count.
        var code = body.Code?.Replace(" ", "", StringComparison.Ordinal).Trim();
        v.Email("email", email);
        v.Require(ProofCode.IsWellFormed(code), "code", $"Required: the {ProofCode.Digits}-digit code from the email.");
        if (v.Failed)
        {
            return v.Problem();
        }

        var access = await proofs.VerifyAsync(email!, code!, ct);
        // A bearer token: no cache on the way may keep a copy.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new PatientAccessToken(access.AccessToken, access.ExpiresAt, access.Email));
    }
}
