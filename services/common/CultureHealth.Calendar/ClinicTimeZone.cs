using NodaTime;
using NodaTime.TimeZones;

namespace CultureHealth.Calendar;

/// <summary>
/// The clinic's wall clock (Europe/London), shared by booking (slots) and notifications (emails,
/// invitations) so both turn instants into local times the same way across the clock changes.
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

    public static ZonedDateTime Resolve(LocalDateTime local) => local.InZone(Zone, Resolver);
}
