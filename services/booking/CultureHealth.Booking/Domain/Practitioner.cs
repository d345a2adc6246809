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
    public DateTimeOffset UpdatedAt { get; set; }
}
