using NodaTime;
using NodaTime.Text;

namespace CultureHealth.Booking.Application;

/// <summary>Parsing of times and dates as clients send them; an offset is required so "10:00" is never guessed.</summary>
public static class ClinicTimeText
{
    private static readonly OffsetDateTimePattern WithOffset = OffsetDateTimePattern.ExtendedIso;
    private static readonly LocalTimePattern TimeOfDay = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public static bool TryParseInstant(string? text, out Instant instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var result = WithOffset.Parse(text.Trim());
        if (result.Success)
        {
            instant = result.Value.ToInstant();
        }

        return result.Success;
    }

    public static bool TryParseDate(string? text, out LocalDate date)
    {
        date = default;
        var result = string.IsNullOrWhiteSpace(text) ? null : LocalDatePattern.Iso.Parse(text.Trim());
        if (result is { Success: true })
        {
            date = result.Value;
            return true;
        }

        return false;
    }

    public static bool TryParseTime(string? text, out LocalTime time)
    {
        time = default;
        var result = string.IsNullOrWhiteSpace(text) ? null : TimeOfDay.Parse(text.Trim());
        if (result is { Success: true })
        {
            time = result.Value;
            return true;
        }

        return false;
    }

    public static string Format(LocalTime time) => TimeOfDay.Format(time);

    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
