namespace CultureHealth.Contracts;

/// <summary>
/// One service finished erasing a patient's data for erasure request <see cref="RequestId"/>. <see cref="Service"/> is
/// one of <see cref="PatientDataServices"/>; <see cref="RecordIds"/> are the ids of the rows it anonymised or removed
/// (bookings, orders, comments), so copies kept elsewhere (admin's dashboard) can be anonymised without the address.
/// </summary>
public record PatientDataErased(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid RequestId, string Service, int RecordsErased, IReadOnlyList<Guid>? RecordIds = null) : IIntegrationEvent;
