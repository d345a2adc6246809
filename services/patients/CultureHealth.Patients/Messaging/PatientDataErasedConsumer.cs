using CultureHealth.Contracts;
using CultureHealth.Messaging.Inbox;
using CultureHealth.Patients.Application;
using CultureHealth.Patients.Data;
using MassTransit;

namespace CultureHealth.Patients.Messaging;

/// <summary>Collects each service's erasure report; the last one completes the request.</summary>
public sealed class PatientDataErasedConsumer(PatientsDbContext db, Erasures erasures, TimeProvider clock, ILogger<PatientDataErasedConsumer> logger)
    : IdempotentConsumer<PatientDataErased, PatientsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(PatientDataErased message, ConsumeContext<PatientDataErased> context, CancellationToken cancellationToken) =>
        erasures.RecordReportAsync(message, cancellationToken);
}
