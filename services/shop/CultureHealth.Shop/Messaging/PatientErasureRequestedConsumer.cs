using CultureHealth.Contracts;
using CultureHealth.Messaging.Erasure;
using CultureHealth.ServiceDefaults.Secrets;
using CultureHealth.Shop.Application.PatientData;
using CultureHealth.Shop.Data;

namespace CultureHealth.Shop.Messaging;

/// <summary>The shop's part of an erasure: orders keep what tax law needs and lose who placed them.</summary>
public sealed class PatientErasureRequestedConsumer(
    ShopDbContext db, ShopPatientDataService data, EventSecrets secrets, TimeProvider clock, ILogger<PatientErasureRequestedConsumer> logger)
    : DelegatingPatientErasureConsumer<ShopDbContext>(PatientDataServices.Shop, data.EraseAsync, db, secrets, clock, logger);
