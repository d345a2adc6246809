namespace CultureHealth.Content.Domain;

/// <summary>
/// An article author: a practitioner whose name and bio are copied from the booking service's
/// PractitionerProfileChanged events, so articles render without calling booking.
/// </summary>
public sealed class Author
{
    public Guid Id { get; init; }
    public string Name { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Bio { get; set; }
    public string? PhotoUrl { get; set; }
    public bool Active { get; set; }
    /// <summary>When the profile we hold was true in booking; older events never overwrite newer ones.</summary>
    public DateTimeOffset ProfileAsOf { get; set; }
}
