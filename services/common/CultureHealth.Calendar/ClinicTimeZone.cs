using NodaTime;
using NodaTime.TimeZones;

namespace CultureHealth.Calendar;

/// <summary>
/// The clinic's wall clock (Europe/London), the one definition every process uses (booking's slots, notifications'
/// emails and invitations, shop's order numbers, admin's dashboard day, the websites' dates) so all turn instants
/// into local times the same way across the clock changes, from NodaTime's own time-zone database.
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

    /// <summary>The same moment with the clinic's offset at that moment (+00:00 in winter, +01:00 in summer).</summary>
    public static DateTimeOffset ToClinicTime(DateTimeOffset instant) => InClinicZone(Instant.FromDateTimeOffset(instant)).ToDateTimeOffset();

    public static ZonedDateTime Resolve(LocalDateTime local) => local.InZone(Zone, Resolver);
}
