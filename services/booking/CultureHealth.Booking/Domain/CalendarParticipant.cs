namespace CultureHealth.Booking.Domain;

/// <summary>An ORGANIZER or ATTENDEE of an emailed invitation.</summary>
public sealed record CalendarParticipant(string Email, string? Name = null)
{
    // The address is written raw into a mailto: URI, so anything that could end or restructure the
    // content line (whitespace, control characters, ';' or ':') is refused rather than escaped.
    public string Email { get; } =
        !string.IsNullOrWhiteSpace(Email) && Email.Contains('@', StringComparison.Ordinal)
        && !Email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ';' or ':' or '"' or ',')
            ? Email
            : throw new ArgumentException("A plain email address is required.", nameof(Email));
}
