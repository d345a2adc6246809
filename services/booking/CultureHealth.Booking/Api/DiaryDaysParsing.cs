using CultureHealth.Booking.Application;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace CultureHealth.Booking.Api;

/// <summary>Reads the days a staff diary view asks for: <c>date</c> (required) and <c>days</c> from it (1 to 7; a week view asks for 7).</summary>
internal static class DiaryDaysParsing
{
    public static ValidationProblem? TryParse(string? date, int? days, out LocalDate day)
    {
        var v = new RequestValidator();
        if (!ClinicTimeText.TryParseDate(date, out day))
        {
            v.Add("date", "Required: a date like 2026-12-01.");
        }
        if (days is < 1 or > 7)
        {
            v.Add("days", "From 1 to 7.");
        }

        return v.Failed ? v.Problem() : null;
    }
}
