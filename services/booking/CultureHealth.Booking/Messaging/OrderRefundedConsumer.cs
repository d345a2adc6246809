using CultureHealth.Booking.Data;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using CultureHealth.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.Booking.Messaging;

/// <summary>
/// A refunded order takes back the credits it granted that are still unused. Sessions already booked or
/// attended stay as they are: the refund amount is the shop's business, not the diary's.
/// </summary>
public sealed partial class OrderRefundedConsumer(BookingDbContext db, TimeProvider clock, ILogger<OrderRefundedConsumer> logger)
    : IdempotentConsumer<OrderRefunded, BookingDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(OrderRefunded message, ConsumeContext<OrderRefunded> context, CancellationToken cancellationToken)
    {
        var grants = await Db.CreditGrants
            .FromSql($"SELECT * FROM session_credit_grants WHERE order_id = {message.OrderId} AND revoked_at IS NULL FOR UPDATE")
            .ToListAsync(cancellationToken);
        // A partial refund names the lines it refunds; only those packages lose their unused credits.
        if (!message.FullRefund)
        {
            var refundedCodes = (message.Lines ?? [])
                .Where(l => l.Kind == OrderLineKinds.TreatmentPackage && l.AppointmentTypeCode is not null)
                .Select(l => l.AppointmentTypeCode!).ToHashSet();
            grants = [.. grants.Where(g => refundedCodes.Contains(g.AppointmentTypeCode))];
        }

        if (grants.Count == 0)
        {
            return;
        }

        var now = Clock.GetUtcNow();
        var revoked = grants.Sum(g => g.Remaining);
        foreach (var grant in grants)
        {
            grant.Remaining = 0;
            grant.RevokedAt = Instant.FromDateTimeOffset(now);
        }

        Db.PublishOnCommit(new BookingCreditsRevoked(Guid.NewGuid(), now, message.OrderId, message.CustomerEmail, revoked), now);
        LogRevoked(logger, revoked, message.OrderNumber);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Revoked {Credits} unused session credits of refunded order {OrderNumber}")]
    private static partial void LogRevoked(ILogger logger, int credits, string orderNumber);
}
