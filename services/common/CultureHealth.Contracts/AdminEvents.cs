namespace CultureHealth.Contracts;

public record StaffActionRecorded(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid StaffId, string StaffEmail, string Action, string Target) : IIntegrationEvent;
