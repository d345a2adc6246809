using NodaTime;
using NodaTime.TimeZones;

namespace CultureHealth.Calendar;

/// <summary>
/// The clinic's wall clock (Europe/London), the one definition every process uses (booking's slots, notifications'
/// emails and invitations, shop's order numbers, admin's dashboard day, the websites' dates) so all turn instants
/// into local times the same way across the clock changes, from NodaTime's own time-zone database. Services word
/// the results themselves; they do not convert times any other way.
/// </summary>
public static class ClinicTimeZone
{
    public const string ZoneId = "Europe/London";

    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb[ZoneId];

    /// <summary>
    /// Ambiguous local times (the repeated hour in October) take their first occurrence: that is what
    /// people mean by "01:30" that night and what RFC 5545 assumes. Skipped local times (the missing
    /// hour in March) snap to the instant the clocks jump to, so a working-interval boundary that falls
    /// in the gap never adds real time that does not exist.
    /// </summary>
    public static ZoneLocalMappingResolver Resolver { get; } =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    public static ZonedDateTime InClinicZone(Instant instant) => instant.InZone(Zone);

    /// <summary>The moment as the clinic's wall clock shows it, whatever offset it arrived with.</summary>
    public static ZonedDateTime InClinicZone(DateTimeOffset instant) => InClinicZone(Instant.FromDateTimeOffset(instant));

    /// <summary>The same moment with the clinic's offset at that moment (+00:00 in winter, +01:00 in summer).</summary>
    public static DateTimeOffset ToClinicTime(DateTimeOffset instant) => InClinicZone(instant).ToDateTimeOffset();

    /// <summary>The instant as the clinic's wall clock shows it, with its offset (what APIs and events carry).</summary>
    public static DateTimeOffset ToClinicTime(this Instant instant) => InClinicZone(instant).ToDateTimeOffset();

    public static ZonedDateTime Resolve(LocalDateTime local) => local.InZone(Zone, Resolver);

    /// <summary>A wall-clock time at the clinic (a form's date and time) as the moment it means, by <see cref="Resolver"/>.</summary>
    public static DateTimeOffset ToDateTimeOffset(LocalDateTime local) => Resolve(local).ToDateTimeOffset();

    /// <summary>False for wall-clock times skipped when the clocks go forward.</summary>
    public static bool Exists(LocalDateTime local) => Zone.MapLocal(local).Count > 0;

    /// <summary>The clinic's date at that instant (a London day, not a UTC one).</summary>
    public static LocalDate DateOf(Instant instant) => InClinicZone(instant).Date;

    /// <inheritdoc cref="DateOf(Instant)"/>
    public static LocalDate DateOf(DateTimeOffset instant) => InClinicZone(instant).Date;

    /// <summary>Today at the clinic, by the clock the process is given.</summary>
    public static LocalDate Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The instant a clinic day begins: midnight, or whenever a clock change makes it (days are 23 or 25 hours long then).</summary>
    public static Instant StartOfDay(LocalDate date) => Zone.AtStartOfDay(date).ToInstant();

    /// <summary>
    /// <see cref="StartOfDay"/> as a UTC <see cref="DateTimeOffset"/> (offset zero), the form Npgsql takes for a
    /// timestamptz parameter.
    /// </summary>
    public static DateTimeOffset StartOfDayUtc(LocalDate date) => StartOfDay(date).ToDateTimeOffset();

    /// <summary>The Monday of the date's week: the clinic's rota and booking pages run Monday to Sunday.</summary>
    public static LocalDate StartOfWeek(LocalDate date) => date.PlusDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <inheritdoc cref="StartOfWeek(LocalDate)"/>
    public static DateOnly StartOfWeek(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
