using CultureHealth.ServiceDefaults.Problems;

namespace CultureHealth.Patients.Application;

/// <summary>The problems the patients service answers with, worded for patients and named for clients.</summary>
public static class PatientProblems
{
    private const string TypeBase = "https://culturehealth.example/problems/patients/";

    /// <summary>The same words for a wrong, expired, used or exhausted code and for an address nobody asked about.</summary>
    public static ProblemException CodeRefused() => new(StatusCodes.Status400BadRequest, "That code did not work",
        "The code is wrong, has expired or was already used. Check the latest email, or ask for a new code.",
        field: "code", type: TypeBase + "code-refused");

    public static ProblemException TooManyRequests(TimeSpan retryAfter) => ProblemException.TooManyRequests(
        "Too many codes requested",
        $"Too many codes were asked for recently. Please wait {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes))} minutes and try again.",
        retryAfter, type: TypeBase + "too-many-proof-requests");
}
