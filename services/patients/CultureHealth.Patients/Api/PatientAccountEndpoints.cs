using System.Security.Claims;
using CultureHealth.Patients.Application;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.ServiceDefaults.Patients;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Patients.Api;

public sealed record PatientDetailsRequest(string? Name, string? Phone);

/// <summary><c>marketingEmails</c>: consent to marketing email (news, offers). Service emails cannot be turned off.</summary>
public sealed record EmailPreferencesRequest(bool? MarketingEmails);

/// <summary>"My account": the signed-in patient's saved details and email preferences, by the token's email.</summary>
public static class PatientAccountEndpoints
{
    public static IEndpointRouteBuilder MapPatientAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/patients/me").WithTags("My account").WithNoStore().RequireAuthorization(PatientPolicies.Patient);
        me.MapGet("/", Get);
        me.MapPut("/details", SaveDetails);
        me.MapPut("/preferences", SavePreferences);
        return app;
    }

    private static async Task<Ok<PatientProfile>> Get(ClaimsPrincipal user, PatientAccounts accounts, CancellationToken ct) =>
        TypedResults.Ok(await accounts.ProfileAsync(user.VerifiedEmail()!, ct));

    private static async Task<Results<Ok<PatientProfile>, ValidationProblem>> SaveDetails(
        PatientDetailsRequest? body, ClaimsPrincipal user, PatientAccounts accounts, CancellationToken ct)
    {
        var v = new RequestValidator();
        if (body is null)
        {
            return v.Add("body", "A JSON body is required.").Problem();
        }
        v.Optional("name", body.Name, 120).Optional("phone", body.Phone, 40);
        if (v.Failed)
        {
            return v.Problem();
        }
        return TypedResults.Ok(await accounts.SaveDetailsAsync(
            SubjectOf(user), user.VerifiedEmail()!, Blank(body.Name), Blank(body.Phone), ct));
    }

    private static async Task<Results<Ok<PatientProfile>, ValidationProblem>> SavePreferences(
        EmailPreferencesRequest? body, ClaimsPrincipal user, PatientAccounts accounts, CancellationToken ct)
    {
        if (body?.MarketingEmails is not { } consent)
        {
            return new RequestValidator().Add("marketingEmails", "Required: true or false.").Problem();
        }
        return TypedResults.Ok(await accounts.SetMarketingConsentAsync(SubjectOf(user), user.VerifiedEmail()!, consent, ct));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The token's subject: the patient's id from its proof (a fresh id if a foreign token carried none).</summary>
    private static Guid SubjectOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(PatientClaims.Subject)?.Value, out var id) ? id : Guid.CreateVersion7();
}
