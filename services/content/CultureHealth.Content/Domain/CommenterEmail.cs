namespace CultureHealth.Content.Domain;

/// <summary>
/// What content knows about an address commenters have typed: whether its owner proved it is theirs (double
/// opt-in) and the hash of the last confirmation link sent to it. Only a confirmed address is trusted to skip
/// moderation, and only a confirmed address gets reply emails.
/// </summary>
public sealed class CommenterEmail
{
    /// <summary>Lower-cased; the key.</summary>
    public string Email { get; init; } = "";

    public DateTimeOffset FirstUsedAt { get; init; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>SHA-256 of the last link's token; the token itself went to the address, sealed, and was forgotten.</summary>
    public string? ConfirmationTokenHash { get; set; }

    public DateTimeOffset? ConfirmationSentAt { get; set; }

    public DateTimeOffset? ConfirmationExpiresAt { get; set; }

    public bool IsConfirmed => ConfirmedAt is not null;

    /// <summary>Whether a new link may go out: never for a confirmed address, and at most once per <paramref name="resendAfter"/>.</summary>
    public bool ConfirmationDue(DateTimeOffset now, TimeSpan resendAfter) =>
        !IsConfirmed && (ConfirmationSentAt is not { } sent || now - sent >= resendAfter);
}
