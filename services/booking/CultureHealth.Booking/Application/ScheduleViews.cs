namespace CultureHealth.Booking.Application;

/// <summary>A block of working time; <c>day</c> is a day name ("monday") or ISO number (1 = Monday).</summary>
public sealed record IntervalDto(string? Day, string? Start, string? End);

public sealed record WeeklyScheduleDto(IReadOnlyList<IntervalDto> Intervals);

public sealed record DateOverrideDto(string Date, IReadOnlyList<IntervalDto> Intervals);

public sealed record TimeOffDto(Guid Id, DateTimeOffset Start, DateTimeOffset End, string? Reason);

public sealed record WorkingHoursDto(Guid PractitionerId, string Date, bool ClinicClosed, IReadOnlyList<IntervalDto> Intervals, IReadOnlyList<TimeOffDto> TimeOff);
