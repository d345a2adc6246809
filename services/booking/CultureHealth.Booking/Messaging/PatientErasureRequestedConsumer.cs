using CultureHealth.Booking.Application.PatientData;
using CultureHealth.Booking.Data;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Erasure;
using CultureHealth.ServiceDefaults.Secrets;

namespace CultureHealth.Booking.Messaging;

/// <summary>Booking's part of an erasure: the diary keeps its facts and loses who they were for.</summary>
public sealed class PatientErasureRequestedConsumer(
    BookingDbContext db, BookingPatientDataService data, EventSecrets secrets, TimeProvider clock, ILogger<PatientErasureRequestedConsumer> logger)
    : PatientErasureConsumer<BookingDbContext>(db, secrets, clock, logger)
{
    protected override string Service => PatientDataServices.Booking;

    protected override Task<ErasedRecords> EraseAsync(string email, CancellationToken cancellationToken) => data.EraseAsync(email, cancellationToken);
}
