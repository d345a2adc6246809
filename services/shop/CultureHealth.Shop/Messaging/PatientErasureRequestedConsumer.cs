using CultureHealth.Contracts;
using CultureHealth.Messaging.Erasure;
using CultureHealth.ServiceDefaults.Secrets;
using CultureHealth.Shop.Application.PatientData;
using CultureHealth.Shop.Data;

namespace CultureHealth.Shop.Messaging;

/// <summary>The shop's part of an erasure: orders keep what tax law needs and lose who placed them.</summary>
public sealed class PatientErasureRequestedConsumer(
    ShopDbContext db, ShopPatientDataService data, EventSecrets secrets, TimeProvider clock, ILogger<PatientErasureRequestedConsumer> logger)
    : PatientErasureConsumer<ShopDbContext>(db, secrets, clock, logger)
{
    protected override string Service => PatientDataServices.Shop;

    protected override Task<ErasedRecords> EraseAsync(string email, CancellationToken cancellationToken) => data.EraseAsync(email, cancellationToken);
}
