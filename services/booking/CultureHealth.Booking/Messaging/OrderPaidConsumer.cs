using CultureHealth.Booking.Data;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.Booking.Messaging;

/// <summary>A paid treatment package becomes session credits for the buyer's email.</summary>
public sealed partial class OrderPaidConsumer(BookingDbContext db, TimeProvider clock, ILogger<OrderPaidConsumer> logger)
    : IdempotentConsumer<OrderPaid, BookingDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(OrderPaid message, ConsumeContext<OrderPaid> context, CancellationToken cancellationToken)
    {
        var packages = message.Lines
            .Where(l => l.Kind == OrderLineKinds.TreatmentPackage && !string.IsNullOrWhiteSpace(l.AppointmentTypeCode)
                && l.SessionsPerUnit is > 0 && l.Quantity > 0)
            .GroupBy(l => l.AppointmentTypeCode!)
            .Select(g => (Code: g.Key, Sessions: g.Sum(l => l.SessionsPerUnit!.Value * l.Quantity)))
            .ToList();
        if (packages.Count == 0)
        {
            return;
        }

        // The inbox stops a redelivered event; the unique (order, type) index also stops a re-published one.
        var codes = packages.Select(p => p.Code).ToList();
        var alreadyGranted = await Db.CreditGrants.Where(g => g.OrderId == message.OrderId && codes.Contains(g.AppointmentTypeCode))
            .Select(g => g.AppointmentTypeCode).ToListAsync(cancellationToken);
        var now = Instant.FromDateTimeOffset(Clock.GetUtcNow());
        foreach (var (code, sessions) in packages.Where(p => !alreadyGranted.Contains(p.Code)))
        {
            Db.CreditGrants.Add(new SessionCreditGrant
            {
                Id = Guid.CreateVersion7(),
                OrderId = message.OrderId,
                OrderNumber = message.OrderNumber,
                CustomerEmail = message.CustomerEmail.Trim().ToLowerInvariant(),
                AppointmentTypeCode = code,
                Granted = sessions,
                Remaining = sessions,
                GrantedAt = now,
            });
            LogGranted(logger, sessions, code, message.OrderNumber);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Granted {Sessions} session credits for {AppointmentTypeCode} from order {OrderNumber}")]
    private static partial void LogGranted(ILogger logger, int sessions, string appointmentTypeCode, string orderNumber);
}
