using CultureHealth.Booking.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace CultureHealth.Booking.Data;

/// <summary>One block of a practitioner's usual week, in clinic wall-clock time.</summary>
public sealed class WeeklyScheduleInterval
{
    public Guid Id { get; init; }
    public Guid PractitionerId { get; init; }
    public IsoDayOfWeek Day { get; init; }
    public LocalTime Start { get; init; }
    public LocalTime End { get; init; }
}

/// <summary>
/// One row per block of an overridden date. A row without times marks the whole date off, which keeps
/// "day off" and "different hours" in one table that a single query loads.
/// </summary>
public sealed class DateOverrideInterval
{
    public Guid Id { get; init; }
    public Guid PractitionerId { get; init; }
    public LocalDate Date { get; init; }
    public LocalTime? Start { get; init; }
    public LocalTime? End { get; init; }
}

public sealed class TimeOffPeriod
{
    public Guid Id { get; init; }
    public Guid PractitionerId { get; init; }
    public Instant Start { get; init; }
    public Instant End { get; init; }
    public string? Reason { get; init; }
}

public sealed class ClinicClosure
{
    public LocalDate Date { get; init; }
    public string Name { get; set; } = "";
}

internal sealed class WeeklyScheduleIntervalConfiguration : IEntityTypeConfiguration<WeeklyScheduleInterval>
{
    public void Configure(EntityTypeBuilder<WeeklyScheduleInterval> e)
    {
        e.ToTable("weekly_schedule_intervals", t =>
        {
            t.HasCheckConstraint("ck_weekly_schedule_intervals_order", "\"end\" > start");
            t.HasCheckConstraint("ck_weekly_schedule_intervals_day", "day BETWEEN 1 AND 7");
        });
        e.HasKey(i => i.Id);
        e.HasIndex(i => new { i.PractitionerId, i.Day });
        e.HasOne<Practitioner>().WithMany().HasForeignKey(i => i.PractitionerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DateOverrideIntervalConfiguration : IEntityTypeConfiguration<DateOverrideInterval>
{
    public void Configure(EntityTypeBuilder<DateOverrideInterval> e)
    {
        e.ToTable("date_override_intervals", t =>
            t.HasCheckConstraint("ck_date_override_intervals_times",
                "(start IS NULL AND \"end\" IS NULL) OR (start IS NOT NULL AND \"end\" IS NOT NULL AND \"end\" > start)"));
        e.HasKey(i => i.Id);
        e.HasIndex(i => new { i.PractitionerId, i.Date });
        e.HasOne<Practitioner>().WithMany().HasForeignKey(i => i.PractitionerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TimeOffPeriodConfiguration : IEntityTypeConfiguration<TimeOffPeriod>
{
    public void Configure(EntityTypeBuilder<TimeOffPeriod> e)
    {
        e.ToTable("time_off", t => t.HasCheckConstraint("ck_time_off_order", "\"end\" > start"));
        e.HasKey(i => i.Id);
        e.Property(i => i.Reason).HasMaxLength(200);
        e.HasIndex(i => new { i.PractitionerId, i.Start });
        e.HasOne<Practitioner>().WithMany().HasForeignKey(i => i.PractitionerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClinicClosureConfiguration : IEntityTypeConfiguration<ClinicClosure>
{
    public void Configure(EntityTypeBuilder<ClinicClosure> e)
    {
        e.ToTable("clinic_closures");
        e.HasKey(c => c.Date);
        e.Property(c => c.Name).HasMaxLength(120).IsRequired();
    }
}
