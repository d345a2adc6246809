using CultureHealth.Content.Application;
using CultureHealth.Content.Data;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Erasure;
using CultureHealth.ServiceDefaults.Secrets;

namespace CultureHealth.Content.Messaging;

/// <summary>Content's part of an erasure: the patient's comments anonymised, their commenter address forgotten.</summary>
public sealed class PatientErasureRequestedConsumer(
    ContentDbContext db, PatientData data, EventSecrets secrets, TimeProvider clock, ILogger<PatientErasureRequestedConsumer> logger)
    : DelegatingPatientErasureConsumer<ContentDbContext>(PatientDataServices.Content, data.EraseAsync, db, secrets, clock, logger);
