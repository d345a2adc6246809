using CultureHealth.Calendar;
using CultureHealth.Storefront.Api;

namespace CultureHealth.Storefront.Appointments;

/// <summary>One bookable start: its time and whose diary it is in.</summary>
public sealed record SlotChoice(DateTimeOffset Start, DateTimeOffset End, Guid PractitionerId, string PractitionerName);

/// <summary>A day of the week strip: how many starts are free (0 for a day in the past, closed or full).</summary>
public sealed record DayChoice(DateOnly Date, int FreeSlots, bool IsToday);

/// <summary>A part of the day's slots, so twenty starts read as three short rows rather than one long list.</summary>
public sealed record SlotGroup(string Name, IReadOnlyList<SlotChoice> Slots);

/// <summary>
/// The slot step of the journey: a Monday-to-Sunday strip of days with their free starts, the chosen day and its
/// starts. With "first available", a start that several practitioners have free goes to whoever has the most
/// free time that day, so the diary fills evenly instead of always with the first name on the list.
/// </summary>
public sealed class SlotPlan
{
    private SlotPlan(DateOnly weekStart, IReadOnlyList<DayChoice> days, DateOnly? selected, IReadOnlyList<SlotChoice> slots)
    {
        WeekStart = weekStart;
        Days = days;
        SelectedDay = selected;
        Slots = slots;
    }

    public DateOnly WeekStart { get; }
    public DateOnly WeekEnd => WeekStart.AddDays(6);
    public IReadOnlyList<DayChoice> Days { get; }

    /// <summary>The day whose starts are shown; null when the week has none free.</summary>
    public DateOnly? SelectedDay { get; }

    /// <summary>The selected day's starts, earliest first.</summary>
    public IReadOnlyList<SlotChoice> Slots { get; }

    public bool WeekHasSlots => Days.Any(d => d.FreeSlots > 0);

    public IEnumerable<SlotGroup> Groups => new[]
    {
        new SlotGroup("Morning", [.. Slots.Where(s => ClinicTimeZone.InClinicZone(s.Start).Hour < 12)]),
        new SlotGroup("Afternoon", [.. Slots.Where(s => ClinicTimeZone.InClinicZone(s.Start).Hour is >= 12 and < 17)]),
        new SlotGroup("Evening", [.. Slots.Where(s => ClinicTimeZone.InClinicZone(s.Start).Hour >= 17)]),
    }.Where(g => g.Slots.Count > 0);

    /// <param name="availability">Free slots covering at least the week of <paramref name="weekStart"/>.</param>
    /// <param name="requestedDay">The day the visitor chose; otherwise the first day of the week with a free start.</param>
    public static SlotPlan For(Availability availability, DateOnly weekStart, DateOnly? requestedDay, DateOnly today)
    {
        var byDay = Merge(availability)
            .GroupBy(s => ClinicTimeZone.DateOf(s.Start).ToDateOnly())
            .ToDictionary(g => g.Key, g => (IReadOnlyList<SlotChoice>)[.. g.OrderBy(s => s.Start)]);
        var days = Enumerable.Range(0, 7).Select(i => weekStart.AddDays(i))
            .Select(d => new DayChoice(d, byDay.TryGetValue(d, out var s) ? s.Count : 0, d == today))
            .ToList();
        var selected = requestedDay is { } day && day >= weekStart && day <= weekStart.AddDays(6)
            ? day
            : days.FirstOrDefault(d => d.FreeSlots > 0)?.Date;
        var slots = selected is { } chosen && byDay.TryGetValue(chosen, out var free) ? free : [];
        return new SlotPlan(weekStart, days, selected, slots);
    }

    /// <summary>The first date on or after <paramref name="from"/> with a free start, if any in <paramref name="availability"/>.</summary>
    public static DateOnly? FirstFreeDay(Availability availability, DateOnly from) =>
        availability.Practitioners.SelectMany(p => p.Slots).Select(s => ClinicTimeZone.DateOf(s.Start).ToDateOnly())
            .Where(d => d >= from).Order().Cast<DateOnly?>().FirstOrDefault();

    /// <summary>
    /// One choice per start time. A start free with several practitioners goes to the one with the most free time that
    /// day; among equals, the start's place in the day picks one in turn, so a quiet day is spread across the team.
    /// </summary>
    private static IEnumerable<SlotChoice> Merge(Availability availability)
    {
        var freePerDay = availability.Practitioners
            .SelectMany(p => p.Slots.Select(s => (p.PractitionerId, Day: ClinicTimeZone.DateOf(s.Start).ToDateOnly())))
            .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        return availability.Practitioners
            .SelectMany(p => p.Slots.Select(s => new SlotChoice(s.Start, s.End, p.PractitionerId, p.PractitionerName)))
            .GroupBy(s => s.Start)
            .Select(g =>
            {
                var free = g.Select(s => (Slot: s, Free: freePerDay[(s.PractitionerId, ClinicTimeZone.DateOf(s.Start).ToDateOnly())])).ToList();
                var most = free.Max(c => c.Free);
                var equals = free.Where(c => c.Free == most).Select(c => c.Slot).ToList();
                var local = ClinicTimeZone.InClinicZone(g.Key);
                return equals[((local.Hour * 60) + local.Minute) / 15 % equals.Count];
            });
    }
}
