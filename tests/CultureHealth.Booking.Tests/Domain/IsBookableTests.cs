using CultureHealth.Booking.Domain;
using CultureHealth.Calendar;
using NodaTime;
using Xunit;
using static CultureHealth.Booking.Tests.Domain.ClinicTestData;

namespace CultureHealth.Booking.Tests.Domain;

public class IsBookableTests
{
    private static readonly LocalDate SummerMonday = new(2026, 6, 15);
    private static readonly Instant LongBefore = Utc(2026, 6, 1, 8, 0);

    [Fact]
    public void A_listed_slot_is_bookable()
    {
        var result = AvailabilityCalculator.IsBookable(Context(), LongBefore, London(2026, 6, 15, 9, 0));

        Assert.True(result.IsBookable);
        Assert.Null(result.Rejection);
    }

    [Theory]
    [InlineData(9, 5)]
    [InlineData(9, 59)]
    [InlineData(14, 10)]
    public void Between_slot_boundaries_inside_working_hours_is_NotOnSlotBoundary(int hour, int minute) =>
        AssertRejected(Context(), LongBefore, London(2026, 6, 15, hour, minute), SlotRejectionReason.NotOnSlotBoundary);

    [Theory]
    [InlineData(7, 0)]
    [InlineData(12, 30)] // would run past 13:00
    [InlineData(13, 0)] // lunch
    [InlineData(17, 15)] // would run past 18:00
    [InlineData(18, 0)]
    public void Appointments_not_fitting_working_hours_are_OutsideWorkingHours(int hour, int minute) =>
        AssertRejected(Context(), LongBefore, London(2026, 6, 15, hour, minute), SlotRejectionReason.OutsideWorkingHours);

    [Fact]
    public void A_day_not_worked_is_OutsideWorkingHours() =>
        AssertRejected(Context(), LongBefore, London(2026, 6, 20, 10, 0), SlotRejectionReason.OutsideWorkingHours);

    [Fact]
    public void A_start_before_now_is_InThePast() =>
        AssertRejected(Context(), London(2026, 6, 15, 11, 0), London(2026, 6, 15, 10, 0), SlotRejectionReason.InThePast);

    [Fact]
    public void A_start_within_the_minimum_notice_is_TooSoon() =>
        AssertRejected(Context(), London(2026, 6, 15, 9, 30), London(2026, 6, 15, 11, 0), SlotRejectionReason.TooSoon);

    [Fact]
    public void A_start_past_the_horizon_is_BeyondHorizon() =>
        AssertRejected(Context(), London(2026, 3, 1, 8, 0), London(2026, 6, 15, 9, 0), SlotRejectionReason.BeyondHorizon);

    [Fact]
    public void A_closure_is_Closed()
    {
        var context = Context(closures: new ClinicClosures(SummerMonday));

        AssertRejected(context, LongBefore, London(2026, 6, 15, 9, 0), SlotRejectionReason.Closed);
    }

    [Fact]
    public void Overlapping_time_off_is_TimeOff()
    {
        var context = Context(timeOff: [new TimeOff(London(2026, 6, 15, 9, 30), London(2026, 6, 15, 10, 0))]);

        AssertRejected(context, LongBefore, London(2026, 6, 15, 9, 0), SlotRejectionReason.TimeOff);
    }

    [Fact]
    public void Overlapping_an_existing_booking_is_Clash()
    {
        var context = Context(busy: [Between(London(2026, 6, 15, 9, 30), London(2026, 6, 15, 10, 30))]);

        AssertRejected(context, LongBefore, London(2026, 6, 15, 9, 0), SlotRejectionReason.Clash);
    }

    [Fact]
    public void A_buffer_reaching_an_existing_booking_is_Clash()
    {
        var buffered = new AppointmentType(60, 0, 15, 6000, true);
        var context = Context(type: buffered, busy: [Between(London(2026, 6, 15, 10, 0), London(2026, 6, 15, 11, 0))]);

        AssertRejected(context, LongBefore, London(2026, 6, 15, 9, 0), SlotRejectionReason.Clash);
    }

    [Fact]
    public void Time_rules_are_reported_before_anything_else()
    {
        var closed = Context(closures: new ClinicClosures(SummerMonday));

        AssertRejected(closed, London(2026, 6, 16, 9, 0), London(2026, 6, 15, 9, 7), SlotRejectionReason.InThePast);
    }

    [Fact]
    public void Time_off_is_reported_before_a_clash()
    {
        var context = Context(
            timeOff: [new TimeOff(London(2026, 6, 15, 9, 0), London(2026, 6, 15, 9, 30))],
            busy: [Between(London(2026, 6, 15, 9, 0), London(2026, 6, 15, 10, 0))]);

        AssertRejected(context, LongBefore, London(2026, 6, 15, 9, 0), SlotRejectionReason.TimeOff);
    }

    public static TheoryData<string, AvailabilityContext, Instant, LocalDate, bool> Scenarios() => new()
    {
        { "ordinary day", Context(), LongBefore, SummerMonday, true },
        {
            "buffers, bookings, time off and a half-spent day",
            Context(
                type: new AppointmentType(45, 10, 15, 5000, true),
                timeOff: [new TimeOff(London(2026, 6, 15, 15, 0), London(2026, 6, 15, 16, 20))],
                busy: [Between(London(2026, 6, 15, 11, 5), London(2026, 6, 15, 12, 0)), Between(London(2026, 6, 15, 17, 0), London(2026, 6, 15, 17, 40))]),
            London(2026, 6, 15, 8, 50),
            SummerMonday,
            true
        },
        {
            "odd granularity and interval start",
            Context(
                WeeklySchedule.Empty.With(IsoDayOfWeek.Monday, Hours(8, 10, 12, 0), Hours(12, 50, 19, 5)),
                new AppointmentType(50, 5, 5, 5000, false),
                new BookingRules(SlotGranularityMinutes: 20, MinimumNoticeMinutes: 0)),
            London(2026, 6, 15, 10, 0),
            SummerMonday,
            true
        },
        { "closure", Context(closures: new ClinicClosures(SummerMonday)), LongBefore, SummerMonday, false },
        { "last day of the horizon", Context(rules: new BookingRules(HorizonDays: 14)), London(2026, 6, 1, 8, 0), SummerMonday, true },
        { "first day past the horizon", Context(rules: new BookingRules(HorizonDays: 13)), London(2026, 6, 1, 8, 0), SummerMonday, false },
        { "spring forward", Context(EveryDay(Hours(0, 0, 4, 0), Hours(4, 15, 6, 0))), Utc(2026, 3, 1, 0, 0), new LocalDate(2026, 3, 29), true },
        { "fall back", Context(EveryDay(Hours(0, 0, 4, 0), Hours(4, 15, 6, 0))), Utc(2026, 10, 1, 0, 0), new LocalDate(2026, 10, 25), true },
        {
            "fall back with a booking across the repeated hour and now inside it",
            Context(
                EveryDay(Hours(0, 0, 4, 0)),
                new AppointmentType(30, 0, 0, 3000, true),
                new BookingRules(MinimumNoticeMinutes: 0),
                busy: [Between(Utc(2026, 10, 25, 0, 30), Utc(2026, 10, 25, 1, 10))]),
            Utc(2026, 10, 24, 23, 20),
            new LocalDate(2026, 10, 25),
            true
        },
    };

    /// <summary>
    /// The property the whole design exists for: for every instant of the day (every real minute, so the
    /// repeated autumn hour is visited twice), the booking check accepts exactly the listed slots.
    /// </summary>
    [Theory]
    [MemberData(nameof(Scenarios))]
    public void IsBookable_accepts_exactly_the_listed_slots(
        string scenario, AvailabilityContext context, Instant now, LocalDate date, bool anySlotsExpected)
    {
        var listed = AvailabilityCalculator.FreeSlots(context, now, date, date).Select(slot => slot.StartInstant).ToHashSet();
        Assert.Equal(anySlotsExpected, listed.Count > 0);
        var dayStart = ClinicTimeZone.StartOfDay(date);
        var dayEnd = ClinicTimeZone.StartOfDay(date.PlusDays(1));

        for (var instant = dayStart; instant < dayEnd; instant += Duration.FromMinutes(1))
        {
            var result = AvailabilityCalculator.IsBookable(context, now, instant);
            Assert.True(
                result.IsBookable == listed.Contains(instant),
                $"{scenario}: {ClinicTimeZone.InClinicZone(instant)} listed={listed.Contains(instant)} but IsBookable gave {result.Rejection?.ToString() ?? "bookable"}");
        }
    }

    private static void AssertRejected(AvailabilityContext context, Instant now, Instant start, SlotRejectionReason expected)
    {
        var result = AvailabilityCalculator.IsBookable(context, now, start);

        Assert.False(result.IsBookable);
        Assert.Equal(expected, result.Rejection);
    }
}
