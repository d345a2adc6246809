using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http;

namespace CultureHealth.Booking.Application;

/// <summary>The problems the waitlist produces, worded for patients and named for clients.</summary>
public static class WaitlistProblems
{
    private const string TypeBase = "https://culturehealth.example/problems/waitlist/";

    /// <summary>Unknown, someone else's, or a wrong token: the same answer, so ids reveal nothing.</summary>
    public static ProblemException EntryNotFound() => ProblemException.NotFound("The waitlist entry");

    public static ProblemException OfferNotFound() => ProblemException.NotFound("The offer");

    public static ProblemException OfferExpired() => new(StatusCodes.Status409Conflict, "This offer has ended",
        "The time held for you ran out, or the offer was withdrawn, so the slot has gone to the next patient waiting. You are still on the waitlist.",
        type: TypeBase + "offer-ended");

    public static ProblemException TooManyEntries(int max) => new(StatusCodes.Status409Conflict, "Too many waitlist entries",
        $"You can wait for at most {max} things at once. Leave an entry you no longer need first.", type: TypeBase + "too-many-entries");
}
