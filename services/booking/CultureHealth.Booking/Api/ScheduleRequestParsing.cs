using CultureHealth.Booking.Application;
using CultureHealth.Booking.Domain;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace CultureHealth.Booking.Api;

/// <summary>Reads a schedule body (the week's blocks, or one day's): every field error at once, or the domain's values.</summary>
internal static class ScheduleRequestParsing
{
    public static ValidationProblem? TryParseWeek(WeeklyScheduleDto body, out List<(IsoDayOfWeek Day, WorkingInterval Interval)> parsed)
    {
        var v = new RequestValidator();
        parsed = [];
        for (var i = 0; i < (body.Intervals?.Count ?? 0); i++)
        {
            var item = body.Intervals![i];
            if (item is null)
            {
                v.Add($"intervals[{i}]", NullInterval);
                continue;
            }

            var day = ParseDay(item.Day);
            if (day is null)
            {
                v.Add($"intervals[{i}].day", "Must be a day name (monday) or ISO number (1-7).");
            }

            if (ParseInterval(item, $"intervals[{i}]", v) is { } interval && day is not null)
            {
                parsed.Add((day.Value, interval));
            }
        }

        // The domain model refuses overlapping blocks; building it here reports that before anything is stored.
        foreach (var day in parsed.GroupBy(p => p.Day))
        {
            try
            {
                WeeklySchedule.Empty.With(day.Key, day.Select(p => p.Interval));
            }
            catch (ArgumentException e)
            {
                v.Add("intervals", $"{day.Key}: {e.Message}");
            }
        }

        return v.Failed ? v.Problem() : null;
    }

    public static ValidationProblem? TryParseDay(string date, WeeklyScheduleDto body, out LocalDate localDate, out List<WorkingInterval> intervals)
    {
        var v = new RequestValidator();
        if (!ClinicTimeText.TryParseDate(date, out localDate))
        {
            v.Add("date", "Must be a date like 2026-12-24.");
        }

        intervals = [];
        for (var i = 0; i < (body.Intervals?.Count ?? 0); i++)
        {
            if (body.Intervals![i] is null)
            {
                v.Add($"intervals[{i}]", NullInterval);
            }
            else if (ParseInterval(body.Intervals[i], $"intervals[{i}]", v) is { } interval)
            {
                intervals.Add(interval);
            }
        }

        try
        {
            _ = new DateOverride(localDate, intervals);
        }
        catch (ArgumentException e)
        {
            v.Add("intervals", e.Message);
        }

        return v.Failed ? v.Problem() : null;
    }

    private static IsoDayOfWeek? ParseDay(string? text) =>
        int.TryParse(text, out var n) && n is >= 1 and <= 7 ? (IsoDayOfWeek)n
        : Enum.TryParse<IsoDayOfWeek>(text, ignoreCase: true, out var day) && day != IsoDayOfWeek.None && !int.TryParse(text, out _) ? day
        : null;

    // JSON lets a list hold null where an interval should be; the record's non-null type does not stop it.
    private const string NullInterval = "An interval with start and end, not null.";

    private static WorkingInterval? ParseInterval(IntervalDto item, string field, RequestValidator v)
    {
        var okStart = ClinicTimeText.TryParseTime(item.Start, out var start);
        var okEnd = ClinicTimeText.TryParseTime(item.End, out var end);
        if (!okStart)
        {
            v.Add(field + ".start", "Must be a time like 09:00.");
        }

        if (!okEnd)
        {
            v.Add(field + ".end", "Must be a time like 17:30.");
        }

        if (okStart && okEnd && end <= start)
        {
            v.Add(field + ".end", "Must be after start (blocks cannot cross midnight).");
            return null;
        }

        return okStart && okEnd ? new WorkingInterval(start, end) : null;
    }
}
