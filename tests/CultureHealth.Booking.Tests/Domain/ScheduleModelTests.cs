using CultureHealth.Booking.Domain;
using NodaTime;
using Xunit;
using static CultureHealth.Booking.Tests.Domain.ClinicTestData;

namespace CultureHealth.Booking.Tests.Domain;

public class ScheduleModelTests
{
    private static readonly LocalDate Monday = new(2026, 6, 15);

    [Theory]
    [InlineData(10, 0, 10, 0)]
    [InlineData(18, 0, 9, 0)]
    public void A_working_interval_must_end_after_it_starts(int startHour, int startMinute, int endHour, int endMinute) =>
        Assert.Throws<ArgumentException>(() => Hours(startHour, startMinute, endHour, endMinute));

    [Fact]
    public void Overlapping_intervals_on_one_day_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => WeeklySchedule.Empty.With(IsoDayOfWeek.Monday, Hours(9, 0, 13, 0), Hours(12, 0, 18, 0)));
        Assert.Throws<ArgumentException>(() => new DateOverride(Monday, Hours(9, 0, 13, 0), Hours(12, 59, 14, 0)));
    }

    [Fact]
    public void Hours_added_to_a_day_are_what_the_new_intervals_cover_and_the_old_did_not()
    {
        IReadOnlyList<WorkingInterval> before = [Hours(9, 0, 12, 0), Hours(14, 0, 16, 0)];

        Assert.Equal([Hours(8, 0, 9, 0), Hours(12, 0, 14, 0), Hours(16, 0, 17, 0)], WorkingIntervals.Added(before, [Hours(8, 0, 17, 0)]));
        Assert.Equal([Hours(13, 0, 14, 0)], WorkingIntervals.Added(before, [Hours(10, 0, 11, 0), Hours(13, 0, 15, 0)]));
        Assert.Empty(WorkingIntervals.Added(before, [Hours(9, 0, 11, 0)]));
        Assert.Empty(WorkingIntervals.Added(before, before));
        Assert.Equal(before, WorkingIntervals.Added([], before));
    }

    [Fact]
    public void Touching_intervals_are_allowed_and_kept_in_order()
    {
        var weekly = WeeklySchedule.Empty.With(IsoDayOfWeek.Monday, Hours(14, 0, 18, 0), Hours(9, 0, 14, 0));

        Assert.Equal([Hours(9, 0, 14, 0), Hours(14, 0, 18, 0)], weekly.IntervalsOn(IsoDayOfWeek.Monday));
    }

    [Fact]
    public void With_replaces_one_day_and_leaves_the_original_untouched()
    {
        var original = WeeklySchedule.Empty.With(IsoDayOfWeek.Monday, Hours(9, 0, 12, 0));

        var changed = original.With(IsoDayOfWeek.Monday, Hours(10, 0, 11, 0)).With(IsoDayOfWeek.Tuesday, Hours(8, 0, 9, 0));

        Assert.Equal([Hours(9, 0, 12, 0)], original.IntervalsOn(IsoDayOfWeek.Monday));
        Assert.Empty(original.IntervalsOn(IsoDayOfWeek.Tuesday));
        Assert.Equal([Hours(10, 0, 11, 0)], changed.IntervalsOn(IsoDayOfWeek.Monday));
        Assert.Equal([Hours(8, 0, 9, 0)], changed.IntervalsOn(IsoDayOfWeek.Tuesday));
    }

    [Fact]
    public void The_none_day_of_week_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WeeklySchedule.Empty.With(IsoDayOfWeek.None, Hours(9, 0, 10, 0)));

    [Fact]
    public void Working_intervals_come_from_closure_then_override_then_week()
    {
        var tuesday = Monday.PlusDays(1);
        var wednesday = Monday.PlusDays(2);
        var schedule = new PractitionerSchedule(
            Weekdays,
            [DateOverride.DayOff(Monday), new DateOverride(tuesday, Hours(7, 0, 8, 0))]);
        var closures = new ClinicClosures(tuesday);

        Assert.Empty(schedule.WorkingIntervalsOn(Monday, ClinicClosures.None));
        Assert.Equal([Hours(7, 0, 8, 0)], schedule.WorkingIntervalsOn(tuesday, ClinicClosures.None));
        Assert.Empty(schedule.WorkingIntervalsOn(tuesday, closures));
        Assert.Equal(Weekdays.IntervalsOn(IsoDayOfWeek.Wednesday), schedule.WorkingIntervalsOn(wednesday, closures));
    }

    [Fact]
    public void Two_overrides_for_one_date_are_rejected() =>
        Assert.Throws<ArgumentException>(() =>
            new PractitionerSchedule(Weekdays, [DateOverride.DayOff(Monday), new DateOverride(Monday, Hours(9, 0, 10, 0))]));

    [Fact]
    public void A_day_off_override_has_no_intervals()
    {
        Assert.True(DateOverride.DayOff(Monday).IsDayOff);
        Assert.False(new DateOverride(Monday, Hours(9, 0, 10, 0)).IsDayOff);
    }

    [Fact]
    public void Whole_day_time_off_runs_from_local_midnight_to_local_midnight()
    {
        var timeOff = TimeOff.WholeDays(new LocalDate(2026, 3, 28), new LocalDate(2026, 3, 29));

        Assert.Equal(Utc(2026, 3, 28, 0, 0), timeOff.Start);
        // 30 March starts at 00:00 BST, which is 23:00 UTC the day before.
        Assert.Equal(Utc(2026, 3, 29, 23, 0), timeOff.End);
    }

    [Fact]
    public void Time_off_must_end_after_it_starts()
    {
        Assert.Throws<ArgumentException>(() => new TimeOff(Utc(2026, 6, 15, 10, 0), Utc(2026, 6, 15, 10, 0)));
        Assert.Throws<ArgumentException>(() => TimeOff.WholeDays(Monday, Monday.PlusDays(-1)));
    }

    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(30, -1, 0, 0)]
    [InlineData(30, 0, -1, 0)]
    [InlineData(30, 0, 0, -1)]
    public void Appointment_type_rejects_impossible_values(int duration, int before, int after, long price) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AppointmentType(duration, before, after, price, true));

    [Fact]
    public void Appointment_footprint_includes_both_buffers()
    {
        var type = new AppointmentType(45, 10, 15, 5500, true);
        var start = Utc(2026, 6, 15, 9, 0);

        Assert.Equal(new Interval(Utc(2026, 6, 15, 8, 50), Utc(2026, 6, 15, 10, 0)), type.FootprintAt(start));
        Assert.Equal(new Interval(start, Utc(2026, 6, 15, 9, 45)), type.AppointmentAt(start));
    }

    [Fact]
    public void Booking_rules_default_to_quarter_hours_two_hours_notice_and_ninety_days()
    {
        Assert.Equal(15, BookingRules.Default.SlotGranularityMinutes);
        Assert.Equal(Duration.FromHours(2), BookingRules.Default.MinimumNotice);
        Assert.Equal(90, BookingRules.Default.HorizonDays);
    }

    [Theory]
    [InlineData(0, 120, 90)]
    [InlineData(15, -1, 90)]
    [InlineData(15, 120, -1)]
    public void Booking_rules_reject_impossible_values(int granularity, int notice, int horizon) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BookingRules(granularity, notice, horizon));

    [Fact]
    public void Busy_intervals_must_be_bounded() =>
        Assert.Throws<ArgumentException>(() => Context(busy: [new Interval(Utc(2026, 6, 15, 9, 0), null)]));
}
