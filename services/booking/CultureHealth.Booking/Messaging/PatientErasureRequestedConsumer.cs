using CultureHealth.Booking.Application.PatientData;
using CultureHealth.Booking.Data;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Erasure;
using CultureHealth.ServiceDefaults.Secrets;

namespace CultureHealth.Booking.Messaging;

/// <summary>Booking's part of an erasure: the diary keeps its facts and loses who they were for.</summary>
public sealed class PatientErasureRequestedConsumer(
    BookingDbContext db, BookingPatientDataService data, EventSecrets secrets, TimeProvider clock, ILogger<PatientErasureRequestedConsumer> logger)
    : DelegatingPatientErasureConsumer<BookingDbContext>(PatientDataServices.Booking, data.EraseAsync, db, secrets, clock, logger);
