using CultureHealth.Admin.Dashboard;
using NodaTime;

namespace CultureHealth.Admin.Tests;

public sealed class ClinicDayTests
{
    [Theory]
    // 23:30 UTC in summer is already tomorrow in London; in winter it is still today.
    [InlineData("2026-07-14T23:30:00Z", 2026, 7, 15)]
    [InlineData("2026-01-14T23:30:00Z", 2026, 1, 14)]
    public void Today_is_the_London_date(string utc, int year, int month, int day) =>
        Assert.Equal(new LocalDate(year, month, day), ClinicDay.Today(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Days_across_the_clock_changes_are_23_and_25_hours_long()
    {
        var spring = new LocalDate(2026, 3, 29);
        var autumn = new LocalDate(2026, 10, 25);
        Assert.Equal(TimeSpan.FromHours(23), ClinicDay.StartOf(spring.PlusDays(1)) - ClinicDay.StartOf(spring));
        Assert.Equal(TimeSpan.FromHours(25), ClinicDay.StartOf(autumn.PlusDays(1)) - ClinicDay.StartOf(autumn));
    }

    [Fact]
    public void Weeks_start_on_Monday()
    {
        Assert.Equal(new LocalDate(2026, 11, 23), ClinicDay.StartOfWeek(new LocalDate(2026, 11, 25)));
        Assert.Equal(new LocalDate(2026, 11, 23), ClinicDay.StartOfWeek(new LocalDate(2026, 11, 29)));
        Assert.Equal(new LocalDate(2026, 11, 23), ClinicDay.StartOfWeek(new LocalDate(2026, 11, 23)));
    }
}
