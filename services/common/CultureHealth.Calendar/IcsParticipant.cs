namespace CultureHealth.Calendar;

/// <summary>An ORGANIZER or ATTENDEE of an emailed invitation.</summary>
public sealed record IcsParticipant(string Email, string? Name = null)
{
    public string Email { get; } = RequirePlainEmail(Email);

    /// <summary>
    /// The address is written raw into a mailto: URI, so anything that could end or restructure the
    /// content line (whitespace, control characters, ';' or ':') is refused rather than escaped.
    /// </summary>
    public static string RequirePlainEmail(string email) =>
        !string.IsNullOrWhiteSpace(email) && email.Contains('@', StringComparison.Ordinal)
        && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ';' or ':' or '"' or ',')
            ? email
            : throw new ArgumentException("A plain email address is required.", nameof(email));
}
