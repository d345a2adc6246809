using CultureHealth.Calendar;
using NodaTime;
using NodaTime.TimeZones;

namespace CultureHealth.Booking.Domain;

/// <summary>
/// The clinic runs on London wall-clock time. Every local/instant conversion in the booking
/// domain goes through here so that daylight-saving transitions are handled in exactly one way.
/// </summary>
public static class ClinicCalendar
{
    public const string ZoneId = ClinicTimeZone.ZoneId;

    public static DateTimeZone Zone => ClinicTimeZone.Zone;

    /// <inheritdoc cref="ClinicTimeZone.Resolver"/>
    public static ZoneLocalMappingResolver Resolver => ClinicTimeZone.Resolver;

    public static ZonedDateTime InClinicZone(Instant instant) => instant.InZone(Zone);

    /// <summary>The instant as the clinic's wall clock shows it, with its offset (what the API and events carry).</summary>
    public static DateTimeOffset ToClinicTime(this Instant instant) => InClinicZone(instant).ToDateTimeOffset();

    public static LocalDate LocalDateOf(Instant instant) => instant.InZone(Zone).Date;

    public static LocalDate Today(Instant now) => LocalDateOf(now);

    public static ZonedDateTime Resolve(LocalDateTime local) => local.InZone(Zone, Resolver);

    /// <summary>False for wall-clock times skipped when the clocks go forward.</summary>
    public static bool Exists(LocalDateTime local) => Zone.MapLocal(local).Count > 0;

    public static Instant StartOfDay(LocalDate date) => Zone.AtStartOfDay(date).ToInstant();
}
