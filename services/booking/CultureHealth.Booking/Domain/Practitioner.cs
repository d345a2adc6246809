namespace CultureHealth.Booking.Domain;

public sealed class Practitioner
{
    public Guid Id { get; init; }
    public string Name { get; set; } = "";
    public string Title { get; set; } = "";
    public List<string> Specialisms { get; set; } = [];
    public string? Bio { get; set; }
    public string? PhotoUrl { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>Where the practitioner sees patients; null until staff assign one.</summary>
    public Guid? LocationId { get; set; }

    /// <summary>SHA-256 of the calendar feed key (see <see cref="ServiceDefaults.Secrets.SecretToken"/>); null means no feed yet.</summary>
    public string? CalendarKeyHash { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
