using NodaTime;
using NodaTime.TimeZones;

namespace CultureHealth.Booking.Domain;

/// <summary>
/// The clinic runs on London wall-clock time. Every local/instant conversion in the booking
/// domain goes through here so that daylight-saving transitions are handled in exactly one way.
/// </summary>
public static class ClinicCalendar
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

    public static LocalDate LocalDateOf(Instant instant) => instant.InZone(Zone).Date;

    public static LocalDate Today(Instant now) => LocalDateOf(now);

    public static ZonedDateTime Resolve(LocalDateTime local) => local.InZone(Zone, Resolver);

    /// <summary>False for wall-clock times skipped when the clocks go forward.</summary>
    public static bool Exists(LocalDateTime local) => Zone.MapLocal(local).Count > 0;

    public static Instant StartOfDay(LocalDate date) => Zone.AtStartOfDay(date).ToInstant();
}
