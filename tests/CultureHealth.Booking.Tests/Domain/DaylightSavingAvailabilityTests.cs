using CultureHealth.Booking.Domain;
using CultureHealth.Calendar;
using NodaTime;
using Xunit;
using static CultureHealth.Booking.Tests.Domain.ClinicTestData;

namespace CultureHealth.Booking.Tests.Domain;

/// <summary>
/// London changes clock at 01:00 UTC: on 2026-03-29 local 01:00-02:00 never happens, and on 2026-10-25
/// local 01:00-02:00 happens twice. Schedules spanning 00:00-04:00 put the changes inside working hours.
/// </summary>
public class DaylightSavingAvailabilityTests
{
    private static readonly LocalDate SpringForward = new(2026, 3, 29);
    private static readonly LocalDate FallBack = new(2026, 10, 25);
    private static readonly Instant BeforeSpring = Utc(2026, 3, 1, 0, 0);
    private static readonly Instant BeforeAutumn = Utc(2026, 10, 1, 0, 0);
    private static readonly WeeklySchedule SmallHoursOnSunday = WeeklySchedule.Empty.With(IsoDayOfWeek.Sunday, Hours(0, 0, 4, 0));

    [Fact]
    public void The_test_dates_really_are_the_transitions()
    {
        Assert.Equal(Offset.Zero, ClinicTimeZone.Zone.GetUtcOffset(Utc(2026, 3, 29, 0, 59)));
        Assert.Equal(Offset.FromHours(1), ClinicTimeZone.Zone.GetUtcOffset(Utc(2026, 3, 29, 1, 0)));
        Assert.Equal(Offset.FromHours(1), ClinicTimeZone.Zone.GetUtcOffset(Utc(2026, 10, 25, 0, 59)));
        Assert.Equal(Offset.Zero, ClinicTimeZone.Zone.GetUtcOffset(Utc(2026, 10, 25, 1, 0)));
    }

    [Fact]
    public void Spring_forward_offers_no_slot_in_the_missing_hour()
    {
        var slots = AvailabilityCalculator.FreeSlots(Context(SmallHoursOnSunday), BeforeSpring, SpringForward, SpringForward);

        // 04:00 BST is 03:00 UTC: three real hours, so the last 60-minute slot starts at 03:00 BST.
        Assert.Equal(Concat(Times("00:00", "00:45"), Times("02:00", "03:00")), LocalStartTimes(slots));
        Assert.DoesNotContain(slots, slot => slot.LocalStart.Hour == 1);
    }

    [Fact]
    public void Spring_forward_slots_have_real_durations_and_the_right_offsets()
    {
        var slots = AvailabilityCalculator.FreeSlots(Context(SmallHoursOnSunday), BeforeSpring, SpringForward, SpringForward);

        Assert.All(slots, slot => Assert.Equal(Duration.FromHours(1), slot.End.ToInstant() - slot.StartInstant));
        var lastBeforeGap = slots.Single(slot => slot.LocalStart.TimeOfDay == new LocalTime(0, 45));
        Assert.Equal(Utc(2026, 3, 29, 0, 45), lastBeforeGap.StartInstant);
        Assert.Equal(new LocalTime(2, 45), lastBeforeGap.End.TimeOfDay);
        var firstAfterGap = slots.Single(slot => slot.LocalStart.TimeOfDay == new LocalTime(2, 0));
        Assert.Equal(Utc(2026, 3, 29, 1, 0), firstAfterGap.StartInstant);
        Assert.Equal(Offset.FromHours(1), firstAfterGap.Start.Offset);
    }

    [Fact]
    public void Spring_forward_interval_ending_inside_the_gap_ends_when_the_clocks_jump()
    {
        var weekly = WeeklySchedule.Empty.With(IsoDayOfWeek.Sunday, Hours(0, 0, 1, 30));

        var slots = AvailabilityCalculator.FreeSlots(Context(weekly), BeforeSpring, SpringForward, SpringForward);

        Assert.Equal([new LocalTime(0, 0)], LocalStartTimes(slots));
    }

    [Fact]
    public void Spring_forward_interval_starting_inside_the_gap_starts_when_the_clocks_jump()
    {
        var weekly = WeeklySchedule.Empty.With(IsoDayOfWeek.Sunday, Hours(1, 30, 3, 30));

        var slots = AvailabilityCalculator.FreeSlots(Context(weekly), BeforeSpring, SpringForward, SpringForward);

        Assert.Equal(Times("02:00", "02:30"), LocalStartTimes(slots));
        Assert.Equal(Utc(2026, 3, 29, 1, 0), slots[0].StartInstant);
    }

    [Fact]
    public void Fall_back_lists_each_wall_clock_time_once_at_its_first_occurrence()
    {
        var slots = AvailabilityCalculator.FreeSlots(Context(SmallHoursOnSunday), BeforeAutumn, FallBack, FallBack);

        // 00:00 BST to 04:00 GMT is five real hours; the last 60-minute slot starts at 03:00 GMT.
        Assert.Equal(Times("00:00", "03:00"), LocalStartTimes(slots));
        var repeatedHour = slots.Where(slot => slot.LocalStart.Hour == 1).ToList();
        Assert.Equal(4, repeatedHour.Count);
        Assert.All(repeatedHour, slot => Assert.Equal(Offset.FromHours(1), slot.Start.Offset));
        Assert.Equal(Utc(2026, 10, 25, 0, 0), repeatedHour[0].StartInstant);
    }

    [Fact]
    public void Fall_back_never_offers_the_same_instant_twice_and_keeps_time_order()
    {
        var slots = AvailabilityCalculator.FreeSlots(Context(SmallHoursOnSunday), BeforeAutumn, FallBack, FallBack);

        var instants = slots.Select(slot => slot.StartInstant).ToList();
        Assert.Equal(instants.Count, instants.Distinct().Count());
        Assert.Equal(instants.Order(), instants);
    }

    [Fact]
    public void Fall_back_durations_are_real_elapsed_time()
    {
        var slots = AvailabilityCalculator.FreeSlots(Context(SmallHoursOnSunday), BeforeAutumn, FallBack, FallBack);

        Assert.All(slots, slot => Assert.Equal(Duration.FromHours(1), slot.End.ToInstant() - slot.StartInstant));
        var startsInRepeatedHour = slots.Single(slot => slot.LocalStart.TimeOfDay == new LocalTime(1, 30));
        // 01:30 BST plus one real hour is 01:30 GMT: the wall clock reads the same at both ends.
        Assert.Equal(new LocalTime(1, 30), startsInRepeatedHour.End.TimeOfDay);
        Assert.Equal(Offset.Zero, startsInRepeatedHour.End.Offset);
    }

    [Fact]
    public void Fall_back_clash_checks_use_real_time()
    {
        // From 01:30 BST to 01:30 GMT: one real hour that reads as no time at all on the wall clock.
        var existing = Between(Utc(2026, 10, 25, 0, 30), Utc(2026, 10, 25, 1, 30));

        var slots = AvailabilityCalculator.FreeSlots(Context(SmallHoursOnSunday, busy: [existing]), BeforeAutumn, FallBack, FallBack);

        Assert.Equal(Concat(Times("00:00", "00:30"), Times("02:00", "03:00")), LocalStartTimes(slots));
    }

    [Fact]
    public void Fall_back_second_pass_through_the_repeated_hour_is_not_a_slot_start()
    {
        var context = Context(SmallHoursOnSunday);
        var secondQuarterPastOne = Utc(2026, 10, 25, 1, 15);

        var result = AvailabilityCalculator.IsBookable(context, BeforeAutumn, secondQuarterPastOne);

        Assert.Equal(SlotRejectionReason.NotOnSlotBoundary, result.Rejection);
        Assert.True(AvailabilityCalculator.IsBookable(context, BeforeAutumn, Utc(2026, 10, 25, 0, 15)).IsBookable);
    }

    [Fact]
    public void Fall_back_interval_ending_in_the_repeated_hour_ends_at_its_first_occurrence()
    {
        var weekly = WeeklySchedule.Empty.With(IsoDayOfWeek.Sunday, Hours(0, 0, 1, 30));

        var slots = AvailabilityCalculator.FreeSlots(Context(weekly), BeforeAutumn, FallBack, FallBack);

        Assert.Equal(Times("00:00", "00:30"), LocalStartTimes(slots));
    }

    [Theory]
    [InlineData(2026, 3, 29)]
    [InlineData(2026, 10, 25)]
    public void Ordinary_clinic_hours_on_transition_days_are_unaffected(int year, int month, int day)
    {
        var date = new LocalDate(year, month, day);
        var weekly = WeeklySchedule.Empty.With(IsoDayOfWeek.Sunday, Hours(9, 0, 18, 0));

        var slots = AvailabilityCalculator.FreeSlots(Context(weekly), date.PlusDays(-10).AtMidnight().InUtc().ToInstant(), date, date);

        Assert.Equal(Times("09:00", "17:00"), LocalStartTimes(slots));
        Assert.All(slots, slot => Assert.Equal(Duration.FromHours(1), slot.End.ToInstant() - slot.StartInstant));
    }
}
