using CultureHealth.Calendar;
using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Web;

namespace CultureHealth.Storefront.Appointments;

/// <summary>
/// Which week of free times to show and the one call that fetches it. With no day or week asked for, the two weeks
/// from today are fetched and the first week with a free time is shown (a patient sees times, not an empty week).
/// </summary>
public static class WeekChoice
{
    /// <param name="day">A day the visitor picked (?day=).</param>
    /// <param name="week">A week the visitor moved to (?week=, any day in it).</param>
    /// <returns>The plan, or null when booking is unavailable.</returns>
    public static async Task<ApiResult<SlotPlan>> PlanAsync(
        BookingApi booking, Guid appointmentTypeId, Guid? practitionerId, string? day, string? week, DateOnly today, CancellationToken ct)
    {
        var thisWeek = ClinicTimeZone.StartOfWeek(today);
        DateOnly? chosenDay = Wording.TryParseDate(day, out var d) && d >= today ? d : null;
        DateOnly? chosenWeek = chosenDay is { } cd ? ClinicTimeZone.StartOfWeek(cd)
            : Wording.TryParseDate(week, out var w) && ClinicTimeZone.StartOfWeek(w) >= thisWeek ? ClinicTimeZone.StartOfWeek(w) : null;

        if (chosenWeek is { } start)
        {
            var from = start < today ? today : start;
            var week7 = await booking.AvailabilityAsync(appointmentTypeId, practitionerId, from, start.AddDays(6), ct);
            return week7.Map(a => SlotPlan.For(a, start, chosenDay, today));
        }

        var fortnight = await booking.AvailabilityAsync(appointmentTypeId, practitionerId, today, thisWeek.AddDays(13), ct);
        return fortnight.Map(a =>
        {
            var first = SlotPlan.FirstFreeDay(a, today);
            return SlotPlan.For(a, first is { } f ? ClinicTimeZone.StartOfWeek(f) : thisWeek, first, today);
        });
    }
}
