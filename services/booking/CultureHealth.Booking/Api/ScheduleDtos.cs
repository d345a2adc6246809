namespace CultureHealth.Booking.Api;

/// <summary>A block of working time; <c>day</c> is a day name ("monday") or ISO number (1 = Monday).</summary>
public sealed record IntervalDto(string? Day, string? Start, string? End);

public sealed record WeeklyScheduleDto(IReadOnlyList<IntervalDto> Intervals);

public sealed record DateOverrideDto(string Date, IReadOnlyList<IntervalDto> Intervals);

public sealed record TimeOffRequest(string? Start, string? End, string? Reason);

public sealed record TimeOffDto(Guid Id, DateTimeOffset Start, DateTimeOffset End, string? Reason);
