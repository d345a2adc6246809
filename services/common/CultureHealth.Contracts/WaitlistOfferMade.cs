namespace CultureHealth.Contracts;

/// <summary>
/// A slot freed and the first matching patient on the waitlist is offered it, held for them until
/// <see cref="HoldUntil"/>. <see cref="SealedOfferToken"/> is the offer's secret sealed with EventSecrets (booking
/// stores only its hash); notifications opens it only to write the link that takes the offer.
/// </summary>
public record WaitlistOfferMade(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid OfferId, Guid WaitlistEntryId, Guid PractitionerId, string PractitionerName,
    Guid AppointmentTypeId, string AppointmentTypeName,
    DateTimeOffset Start, DateTimeOffset End,
    string PatientName, string PatientEmail, DateTimeOffset HoldUntil, string SealedOfferToken) : IIntegrationEvent;
