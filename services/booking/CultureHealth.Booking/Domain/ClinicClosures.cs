using NodaTime;

namespace CultureHealth.Booking.Domain;

/// <summary>Dates (bank holidays and the like) when the clinic is shut and nobody works.</summary>
public sealed class ClinicClosures
{
    private readonly HashSet<LocalDate> _dates;

    public ClinicClosures(params IEnumerable<LocalDate> dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        _dates = [.. dates];
    }

    public static ClinicClosures None { get; } = new();

    public IReadOnlyCollection<LocalDate> Dates => _dates;

    public bool IsClosedOn(LocalDate date) => _dates.Contains(date);
}
