using System.Text.Json;
using CultureHealth.Admin.Application;
using CultureHealth.Admin.Data;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Erasure;
using CultureHealth.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Admin.Messaging;

/// <summary>
/// Admin's dashboard keeps copies of names and addresses from booking, shop and content events. It never learns the
/// address being erased: each service's report names the rows it anonymised, and the same rows are anonymised here.
/// </summary>
public sealed class PatientDataErasedProjection(AdminDbContext db, TimeProvider clock, ILogger<PatientDataErasedProjection> logger)
    : IdempotentConsumer<PatientDataErased, AdminDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PatientDataErased m, ConsumeContext<PatientDataErased> context, CancellationToken ct)
    {
        if (m.RecordIds is not { Count: > 0 } ids)
        {
            return;
        }
        switch (m.Service)
        {
            case PatientDataServices.Booking:
                await Db.DashboardBookings.Where(b => ids.Contains(b.BookingId))
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.PatientName, ErasedPersonalData.Name), ct);
                break;
            case PatientDataServices.Shop:
                await Db.DashboardOrders.Where(o => ids.Contains(o.OrderId))
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.CustomerEmail, ErasedPersonalData.Email), ct);
                break;
            case PatientDataServices.Content:
                await Db.DashboardComments.Where(c => ids.Contains(c.CommentId)).ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.AuthorName, ErasedPersonalData.Name)
                    .SetProperty(c => c.Excerpt, (string?)null), ct);
                break;
        }
    }
}

/// <summary>
/// The audit trail of an erasure: when it was asked for and finished, and what each service erased, under the SHA-256
/// of the address (never the address itself), so the clinic can answer "was this person's data erased?" for someone who
/// gives the address, and nobody can read the address off the log.
/// </summary>
public sealed class PatientErasureCompletedAudit(AdminDbContext db, AuditLog audit, TimeProvider clock, ILogger<PatientErasureCompletedAudit> logger)
    : IdempotentConsumer<PatientErasureCompleted, AdminDbContext>(db, clock, logger)
{
    public const string Action = "patient-data.erased";
    public const string Actor = "patients-service";

    protected override Task HandleAsync(PatientErasureCompleted m, ConsumeContext<PatientErasureCompleted> context, CancellationToken ct)
    {
        var details = JsonSerializer.Serialize(new
        {
            requestId = m.RequestId,
            requestedAt = m.RequestedAt,
            completedAt = m.OccurredAt,
            services = m.Services.Select(s => new { service = s.Service, records = s.RecordsErased, erasedAt = s.ErasedAt }),
        });
        audit.Add(null, Actor, Action, "patient:sha256:" + m.EmailHash, StatusCodes.Status200OK, details);
        return Task.CompletedTask;
    }
}
