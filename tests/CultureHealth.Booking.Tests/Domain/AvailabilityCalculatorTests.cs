using CultureHealth.Booking.Domain;
using CultureHealth.Calendar;
using NodaTime;
using Xunit;
using static CultureHealth.Booking.Tests.Domain.ClinicTestData;

namespace CultureHealth.Booking.Tests.Domain;

public class AvailabilityCalculatorTests
{
    private static readonly LocalDate SummerMonday = new(2026, 6, 15);
    private static readonly LocalDate WinterMonday = new(2026, 1, 12);
    // Two weeks before the test days: well within the 90-day horizon and clear of minimum notice.
    private static readonly Instant LongBefore = Utc(2026, 6, 1, 8, 0);
    private static readonly Instant LongBeforeWinter = Utc(2026, 1, 1, 8, 0);

    [Fact]
    public void Ordinary_day_offers_every_quarter_hour_that_fits_each_block()
    {
        var slots = AvailabilityCalculator.FreeSlots(Context(), LongBefore, SummerMonday, SummerMonday);

        Assert.Equal(Concat(Times("09:00", "12:00"), Times("14:00", "17:00")), LocalStartTimes(slots));
        Assert.All(slots, slot => Assert.Equal(SummerMonday, slot.LocalStart.Date));
    }

    [Fact]
    public void Summer_slots_are_British_Summer_Time()
    {
        var first = AvailabilityCalculator.FreeSlots(Context(), LongBefore, SummerMonday, SummerMonday)[0];

        Assert.Equal(Utc(2026, 6, 15, 8, 0), first.StartInstant);
        Assert.Equal(Offset.FromHours(1), first.Start.Offset);
        Assert.Equal(new LocalDateTime(2026, 6, 15, 10, 0), first.End.LocalDateTime);
    }

    [Fact]
    public void Winter_slots_are_Greenwich_Mean_Time()
    {
        var first = AvailabilityCalculator.FreeSlots(Context(), LongBeforeWinter, WinterMonday, WinterMonday)[0];

        Assert.Equal(Utc(2026, 1, 12, 9, 0), first.StartInstant);
        Assert.Equal(Offset.Zero, first.Start.Offset);
        Assert.Equal(ClinicTimeZone.Zone, first.Start.Zone);
    }

    [Fact]
    public void A_week_lists_only_working_days_in_time_order()
    {
        var slots = AvailabilityCalculator.FreeSlots(Context(), LongBefore, SummerMonday, SummerMonday.PlusDays(6));

        Assert.Equal(5 * 26, slots.Count);
        Assert.Equal(
            [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday],
            slots.Select(slot => slot.LocalStart.DayOfWeek).Distinct());
        Assert.Equal(slots.OrderBy(slot => slot.StartInstant), slots);
    }

    [Fact]
    public void Slots_are_aligned_to_granularity_from_the_start_of_the_working_interval()
    {
        var weekly = WeeklySchedule.Empty.With(IsoDayOfWeek.Monday, Hours(9, 10, 10, 40));
        var rules = new BookingRules(SlotGranularityMinutes: 30);
        var halfHour = new AppointmentType(30, 0, 0, 4000, false);

        var slots = AvailabilityCalculator.FreeSlots(Context(weekly, halfHour, rules), LongBefore, SummerMonday, SummerMonday);

        Assert.Equal(Times("09:10", "10:10", stepMinutes: 30), LocalStartTimes(slots));
    }

    [Fact]
    public void An_appointment_must_fit_inside_one_block_not_straddle_two()
    {
        var weekly = WeeklySchedule.Empty.With(IsoDayOfWeek.Monday, Hours(9, 0, 10, 0), Hours(10, 0, 11, 0));

        var slots = AvailabilityCalculator.FreeSlots(Context(weekly), LongBefore, SummerMonday, SummerMonday);

        Assert.Equal([new LocalTime(9, 0), new LocalTime(10, 0)], LocalStartTimes(slots));
    }

    [Fact]
    public void Buffers_may_run_outside_working_hours()
    {
        var weekly = WeeklySchedule.Empty.With(IsoDayOfWeek.Monday, Hours(9, 0, 12, 0));
        var buffered = new AppointmentType(45, 15, 15, 5000, true);

        var slots = AvailabilityCalculator.FreeSlots(Context(weekly, buffered), LongBefore, SummerMonday, SummerMonday);

        Assert.Equal(Times("09:00", "11:15"), LocalStartTimes(slots));
    }

    [Fact]
    public void Buffers_must_not_overlap_an_existing_booking()
    {
        var weekly = WeeklySchedule.Empty.With(IsoDayOfWeek.Monday, Hours(9, 0, 12, 0));
        var buffered = new AppointmentType(45, 15, 15, 5000, true);
        var existing = Between(London(2026, 6, 15, 10, 0), London(2026, 6, 15, 11, 0));

        var slots = AvailabilityCalculator.FreeSlots(
            Context(weekly, buffered, busy: [existing]), LongBefore, SummerMonday, SummerMonday);

        // 09:00 ends its after-buffer exactly at 10:00; 11:15 starts its before-buffer exactly at 11:00.
        Assert.Equal([new LocalTime(9, 0), new LocalTime(11, 15)], LocalStartTimes(slots));
    }

    [Fact]
    public void Buffers_must_not_overlap_time_off()
    {
        var weekly = WeeklySchedule.Empty.With(IsoDayOfWeek.Monday, Hours(9, 0, 12, 0));
        var withCleanUp = new AppointmentType(60, 0, 15, 6000, true);
        var afternoonOff = new TimeOff(London(2026, 6, 15, 12, 0), London(2026, 6, 15, 17, 0));

        var withoutTimeOff = AvailabilityCalculator.FreeSlots(Context(weekly, withCleanUp), LongBefore, SummerMonday, SummerMonday);
        var withTimeOff = AvailabilityCalculator.FreeSlots(
            Context(weekly, withCleanUp, timeOff: [afternoonOff]), LongBefore, SummerMonday, SummerMonday);

        Assert.Contains(new LocalTime(11, 0), LocalStartTimes(withoutTimeOff));
        Assert.Equal(Times("09:00", "10:45"), LocalStartTimes(withTimeOff));
    }

    [Fact]
    public void Back_to_back_with_an_existing_booking_is_allowed_but_overlap_is_not()
    {
        var existing = Between(London(2026, 6, 15, 10, 0), London(2026, 6, 15, 11, 0));

        var slots = AvailabilityCalculator.FreeSlots(Context(busy: [existing]), LongBefore, SummerMonday, SummerMonday);

        Assert.Equal(
            Concat([new LocalTime(9, 0)], Times("11:00", "12:00"), Times("14:00", "17:00")),
            LocalStartTimes(slots));
    }

    [Fact]
    public void Bookings_on_other_days_do_not_block()
    {
        var tuesdayBooking = Between(London(2026, 6, 16, 9, 0), London(2026, 6, 16, 18, 0));

        var slots = AvailabilityCalculator.FreeSlots(Context(busy: [tuesdayBooking]), LongBefore, SummerMonday, SummerMonday);

        Assert.Equal(26, slots.Count);
    }

    [Fact]
    public void Minimum_notice_hides_slots_starting_too_soon()
    {
        var now = London(2026, 6, 15, 10, 5);

        var slots = AvailabilityCalculator.FreeSlots(Context(), now, SummerMonday, SummerMonday);

        // 12:00 is before 12:05; 12:15 would run past 13:00.
        Assert.Equal(Times("14:00", "17:00"), LocalStartTimes(slots));
    }

    [Fact]
    public void A_slot_exactly_at_the_notice_boundary_is_offered()
    {
        var now = London(2026, 6, 15, 10, 0);

        var slots = AvailabilityCalculator.FreeSlots(Context(), now, SummerMonday, SummerMonday);

        Assert.Equal(new LocalTime(12, 0), slots[0].LocalStart.TimeOfDay);
    }

    [Fact]
    public void Zero_notice_still_hides_the_past()
    {
        var now = London(2026, 6, 15, 16, 50);

        var slots = AvailabilityCalculator.FreeSlots(
            Context(rules: new BookingRules(MinimumNoticeMinutes: 0)), now, SummerMonday, SummerMonday);

        Assert.Equal([new LocalTime(17, 0)], LocalStartTimes(slots));
    }

    [Fact]
    public void Nothing_is_offered_beyond_the_horizon()
    {
        var now = London(2026, 6, 1, 6, 0);
        var context = Context(EveryDay(Hours(9, 0, 10, 0)), rules: new BookingRules(HorizonDays: 7));

        var slots = AvailabilityCalculator.FreeSlots(context, now, new LocalDate(2026, 6, 1), new LocalDate(2026, 6, 20));

        Assert.Equal(new LocalDate(2026, 6, 8), slots.Max(slot => slot.LocalStart.Date));
        Assert.Equal(8, slots.Count);
    }

    [Fact]
    public void The_default_horizon_is_ninety_days_from_the_clinic_date_of_now()
    {
        // 23:30 UTC on 31 May is already 1 June in London, so the horizon counts from 1 June.
        var now = Utc(2026, 5, 31, 23, 30);
        var context = Context(EveryDay(Hours(9, 0, 10, 0)));

        var slots = AvailabilityCalculator.FreeSlots(context, now, new LocalDate(2026, 8, 28), new LocalDate(2026, 9, 5));

        Assert.Equal(new LocalDate(2026, 8, 30), slots.Max(slot => slot.LocalStart.Date));
    }

    [Fact]
    public void A_day_off_override_removes_the_day()
    {
        var context = Context(overrides: [DateOverride.DayOff(SummerMonday)]);

        Assert.Empty(AvailabilityCalculator.FreeSlots(context, LongBefore, SummerMonday, SummerMonday));
        Assert.NotEmpty(AvailabilityCalculator.FreeSlots(context, LongBefore, SummerMonday.PlusDays(1), SummerMonday.PlusDays(1)));
    }

    [Fact]
    public void An_override_replaces_the_weekly_hours_for_that_date_only()
    {
        var context = Context(overrides: [new DateOverride(SummerMonday, Hours(10, 0, 11, 30))]);

        var monday = AvailabilityCalculator.FreeSlots(context, LongBefore, SummerMonday, SummerMonday);
        var nextMonday = AvailabilityCalculator.FreeSlots(context, LongBefore, SummerMonday.PlusWeeks(1), SummerMonday.PlusWeeks(1));

        Assert.Equal(Times("10:00", "10:30"), LocalStartTimes(monday));
        Assert.Equal(26, nextMonday.Count);
    }

    [Fact]
    public void An_override_can_add_hours_on_a_day_not_normally_worked()
    {
        var saturday = new LocalDate(2026, 6, 20);
        var context = Context(overrides: [new DateOverride(saturday, Hours(8, 0, 9, 30), Hours(10, 0, 11, 0))]);

        var slots = AvailabilityCalculator.FreeSlots(context, LongBefore, saturday, saturday);

        Assert.Equal(Concat(Times("08:00", "08:30"), [new LocalTime(10, 0)]), LocalStartTimes(slots));
    }

    [Fact]
    public void Part_day_time_off_blocks_only_its_hours()
    {
        var timeOff = new TimeOff(London(2026, 6, 15, 11, 0), London(2026, 6, 15, 15, 0));

        var slots = AvailabilityCalculator.FreeSlots(Context(timeOff: [timeOff]), LongBefore, SummerMonday, SummerMonday);

        Assert.Equal(Concat(Times("09:00", "10:00"), Times("15:00", "17:00")), LocalStartTimes(slots));
    }

    [Fact]
    public void Whole_day_time_off_blocks_those_days()
    {
        var context = Context(timeOff: [TimeOff.WholeDays(SummerMonday, SummerMonday.PlusDays(1))]);

        var slots = AvailabilityCalculator.FreeSlots(context, LongBefore, SummerMonday, SummerMonday.PlusDays(2));

        Assert.All(slots, slot => Assert.Equal(IsoDayOfWeek.Wednesday, slot.LocalStart.DayOfWeek));
        Assert.Equal(26, slots.Count);
    }

    [Fact]
    public void A_clinic_closure_beats_even_an_override()
    {
        var bankHoliday = new LocalDate(2026, 5, 4);
        var now = Utc(2026, 4, 20, 8, 0);
        var context = Context(
            overrides: [new DateOverride(bankHoliday, Hours(9, 0, 12, 0))],
            closures: new ClinicClosures(bankHoliday));

        Assert.Empty(AvailabilityCalculator.FreeSlots(context, now, bankHoliday, bankHoliday));
        Assert.NotEmpty(AvailabilityCalculator.FreeSlots(context, now, bankHoliday.PlusDays(1), bankHoliday.PlusDays(1)));
    }

    [Fact]
    public void Several_bookings_leave_only_the_gaps()
    {
        var busy = new[]
        {
            Between(London(2026, 6, 15, 9, 0), London(2026, 6, 15, 10, 30)),
            Between(London(2026, 6, 15, 11, 30), London(2026, 6, 15, 13, 0)),
            Between(London(2026, 6, 15, 14, 0), London(2026, 6, 15, 18, 0)),
        };

        var slots = AvailabilityCalculator.FreeSlots(Context(busy: busy), LongBefore, SummerMonday, SummerMonday);

        Assert.Equal([new LocalTime(10, 30)], LocalStartTimes(slots));
    }

    [Fact]
    public void A_range_in_the_past_is_empty()
    {
        var now = London(2026, 6, 20, 9, 0);

        Assert.Empty(AvailabilityCalculator.FreeSlots(Context(), now, SummerMonday, SummerMonday.PlusDays(4)));
    }

    [Fact]
    public void A_reversed_range_is_rejected()
    {
        Assert.Throws<ArgumentException>(() =>
            AvailabilityCalculator.FreeSlots(Context(), LongBefore, SummerMonday, SummerMonday.PlusDays(-1)));
    }

    [Fact]
    public void Slot_end_is_the_appointment_end_without_buffers()
    {
        var buffered = new AppointmentType(45, 10, 20, 5000, true);

        var first = AvailabilityCalculator.FreeSlots(Context(type: buffered), LongBefore, SummerMonday, SummerMonday)[0];

        Assert.Equal(Duration.FromMinutes(45), first.End.ToInstant() - first.StartInstant);
    }
}
