namespace CultureHealth.Booking.Api;

/// <summary><c>start</c> and <c>end</c> are ISO 8601 with an offset.</summary>
public sealed record TimeOffRequest(string? Start, string? End, string? Reason);
