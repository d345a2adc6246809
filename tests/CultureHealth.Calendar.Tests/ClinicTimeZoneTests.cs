using System.Globalization;
using NodaTime;

namespace CultureHealth.Calendar.Tests;

public sealed class ClinicTimeZoneTests
{
    [Fact]
    public void The_clinic_is_in_London() =>
        Assert.Equal("Europe/London", ClinicTimeZone.Zone.Id);

    [Fact]
    public void A_repeated_autumn_time_means_its_first_occurrence()
    {
        // 01:30 on 25 October 2026 happens twice: first in BST (00:30 UTC), then in GMT (01:30 UTC).
        var resolved = ClinicTimeZone.Resolve(new LocalDateTime(2026, 10, 25, 1, 30));

        Assert.Equal(Instant.FromUtc(2026, 10, 25, 0, 30), resolved.ToInstant());
        Assert.Equal(Offset.FromHours(1), resolved.Offset);
    }

    [Fact]
    public void A_skipped_spring_time_snaps_to_when_the_clocks_jump()
    {
        // 01:30 on 29 March 2026 never happens: at 01:00 GMT the clocks go to 02:00 BST.
        var resolved = ClinicTimeZone.Resolve(new LocalDateTime(2026, 3, 29, 1, 30));

        Assert.Equal(Instant.FromUtc(2026, 3, 29, 1, 0), resolved.ToInstant());
        Assert.Equal(new LocalDateTime(2026, 3, 29, 2, 0), resolved.LocalDateTime);
    }

    [Theory]
    [InlineData("2026-07-15T09:00:00Z", "2026-07-15T10:00:00+01:00")]
    [InlineData("2027-01-12T10:00:00Z", "2027-01-12T10:00:00+00:00")]
    public void Clinic_time_is_the_same_moment_with_the_London_offset(string utc, string london)
    {
        var clinic = ClinicTimeZone.ToClinicTime(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture));

        var expected = DateTimeOffset.Parse(london, CultureInfo.InvariantCulture);
        Assert.Equal(expected, clinic);
        Assert.Equal(expected.Offset, clinic.Offset);
    }

    [Fact]
    public void An_instant_reads_as_clinic_time_with_its_offset()
    {
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 10, 0, 0, TimeSpan.FromHours(1)), Instant.FromUtc(2026, 7, 15, 9, 0).ToClinicTime());
        Assert.Equal(TimeSpan.FromHours(1), Instant.FromUtc(2026, 7, 15, 9, 0).ToClinicTime().Offset);
        Assert.Equal(TimeSpan.Zero, Instant.FromUtc(2027, 1, 12, 10, 0).ToClinicTime().Offset);
    }

    [Fact]
    public void A_time_in_any_offset_reads_as_the_London_wall_clock()
    {
        var clinic = ClinicTimeZone.InClinicZone(new DateTimeOffset(2026, 7, 15, 5, 0, 0, TimeSpan.FromHours(-4)));

        Assert.Equal(new LocalDateTime(2026, 7, 15, 10, 0), clinic.LocalDateTime);
        Assert.Equal(ClinicTimeZone.Zone, clinic.Zone);
    }

    [Fact]
    public void A_wall_clock_time_becomes_the_moment_it_means()
    {
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 9, 0, 0, TimeSpan.FromHours(1)), ClinicTimeZone.ToDateTimeOffset(new LocalDateTime(2026, 7, 15, 9, 0)));
        Assert.Equal(TimeSpan.Zero, ClinicTimeZone.ToDateTimeOffset(new LocalDateTime(2027, 1, 12, 9, 0)).Offset);
        // The gap and the repeated hour resolve as Resolve does.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), ClinicTimeZone.ToDateTimeOffset(new LocalDateTime(2026, 3, 29, 1, 30)));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), ClinicTimeZone.ToDateTimeOffset(new LocalDateTime(2026, 10, 25, 1, 30)));
    }

    [Theory]
    [InlineData(2026, 3, 29, 1, 30, false)] // skipped when the clocks go forward
    [InlineData(2026, 3, 29, 0, 59, true)]
    [InlineData(2026, 3, 29, 2, 0, true)]
    [InlineData(2026, 10, 25, 1, 30, true)] // happens twice, but happens
    public void Whether_a_wall_clock_time_exists(int year, int month, int day, int hour, int minute, bool exists) =>
        Assert.Equal(exists, ClinicTimeZone.Exists(new LocalDateTime(year, month, day, hour, minute)));
}
