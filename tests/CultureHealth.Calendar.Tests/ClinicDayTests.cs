using System.Globalization;
using NodaTime;

namespace CultureHealth.Calendar.Tests;

/// <summary>Clinic days and weeks: the London date of an instant, when a day starts, and which Monday a week has.</summary>
public sealed class ClinicDayTests
{
    [Theory]
    // 23:30 UTC in summer is already tomorrow in London; in winter it is still today.
    [InlineData("2026-07-14T23:30:00Z", 2026, 7, 15)]
    [InlineData("2026-01-14T23:30:00Z", 2026, 1, 14)]
    public void The_date_is_the_London_date(string utc, int year, int month, int day)
    {
        var instant = DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture);

        Assert.Equal(new LocalDate(year, month, day), ClinicTimeZone.DateOf(instant));
        Assert.Equal(new LocalDate(year, month, day), ClinicTimeZone.DateOf(Instant.FromDateTimeOffset(instant)));
    }

    [Fact]
    public void The_date_does_not_depend_on_the_offset_a_time_arrives_with()
    {
        // 00:30 on 15 July in London, written in New York's offset (still the 14th there).
        var written = new DateTimeOffset(2026, 7, 14, 19, 30, 0, TimeSpan.FromHours(-4));

        Assert.Equal(new LocalDate(2026, 7, 15), ClinicTimeZone.DateOf(written));
    }

    [Fact]
    public void Today_is_the_London_date_of_the_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 7, 14, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(new LocalDate(2026, 7, 15), ClinicTimeZone.Today(clock));
    }

    [Fact]
    public void Days_across_the_clock_changes_are_23_and_25_hours_long()
    {
        var spring = new LocalDate(2026, 3, 29);
        var autumn = new LocalDate(2026, 10, 25);

        Assert.Equal(Duration.FromHours(23), ClinicTimeZone.StartOfDay(spring.PlusDays(1)) - ClinicTimeZone.StartOfDay(spring));
        Assert.Equal(Duration.FromHours(25), ClinicTimeZone.StartOfDay(autumn.PlusDays(1)) - ClinicTimeZone.StartOfDay(autumn));
        Assert.Equal(TimeSpan.FromHours(23), ClinicTimeZone.StartOfDayUtc(spring.PlusDays(1)) - ClinicTimeZone.StartOfDayUtc(spring));
        Assert.Equal(TimeSpan.FromHours(25), ClinicTimeZone.StartOfDayUtc(autumn.PlusDays(1)) - ClinicTimeZone.StartOfDayUtc(autumn));
    }

    [Fact]
    public void A_summer_day_starts_at_23_00_UTC_the_evening_before()
    {
        var start = ClinicTimeZone.StartOfDayUtc(new LocalDate(2026, 7, 15));

        Assert.Equal(new DateTimeOffset(2026, 7, 14, 23, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(TimeSpan.Zero, start.Offset);
        Assert.Equal(Instant.FromUtc(2026, 7, 14, 23, 0), ClinicTimeZone.StartOfDay(new LocalDate(2026, 7, 15)));
    }

    [Fact]
    public void Weeks_start_on_Monday()
    {
        Assert.Equal(new LocalDate(2026, 11, 23), ClinicTimeZone.StartOfWeek(new LocalDate(2026, 11, 25)));
        Assert.Equal(new LocalDate(2026, 11, 23), ClinicTimeZone.StartOfWeek(new LocalDate(2026, 11, 29)));
        Assert.Equal(new LocalDate(2026, 11, 23), ClinicTimeZone.StartOfWeek(new LocalDate(2026, 11, 23)));
    }

    [Theory]
    [InlineData("2026-11-25")]
    [InlineData("2026-11-29")]
    [InlineData("2026-11-23")]
    public void Weeks_start_on_Monday_for_DateOnly_too(string date)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Equal(new DateOnly(2026, 11, 23), ClinicTimeZone.StartOfWeek(day));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
