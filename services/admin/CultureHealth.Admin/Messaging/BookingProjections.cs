using CultureHealth.Admin.Dashboard;
using CultureHealth.Admin.Data;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Inbox;
using MassTransit;

namespace CultureHealth.Admin.Messaging;

public sealed class BookingConfirmedProjection(AdminDbContext db, TimeProvider clock, ILogger<BookingConfirmedProjection> logger)
    : IdempotentConsumer<BookingConfirmed, AdminDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(BookingConfirmed m, ConsumeContext<BookingConfirmed> context, CancellationToken ct)
    {
        if (await ProjectionRows.FindOrAddUnlessNewerAsync(Db.DashboardBookings, m.BookingId,
                () => new DashboardBooking { BookingId = m.BookingId }, r => r.Sequence, m.Sequence, ct) is not { } row)
        {
            return;
        }
        row.PractitionerId = m.PractitionerId;
        row.PractitionerName = m.PractitionerName;
        row.AppointmentTypeName = m.AppointmentTypeName;
        row.PatientName = m.PatientName;
        row.Start = m.Start;
        row.End = m.End;
        row.Status = "confirmed";
        row.Sequence = m.Sequence;
    }
}

public sealed class BookingRescheduledProjection(AdminDbContext db, TimeProvider clock, ILogger<BookingRescheduledProjection> logger)
    : IdempotentConsumer<BookingRescheduled, AdminDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(BookingRescheduled m, ConsumeContext<BookingRescheduled> context, CancellationToken ct)
    {
        // A reschedule can overtake its confirmation in the broker; the confirmation then finds a newer sequence.
        if (await ProjectionRows.FindOrAddUnlessNewerAsync(Db.DashboardBookings, m.BookingId,
                () => new DashboardBooking { BookingId = m.BookingId, PractitionerId = m.PractitionerId }, r => r.Sequence, m.Sequence, ct) is not { } row)
        {
            return;
        }
        row.Start = m.Start;
        row.End = m.End;
        row.Sequence = m.Sequence;
    }
}

public sealed class BookingCancelledProjection(AdminDbContext db, TimeProvider clock, ILogger<BookingCancelledProjection> logger)
    : IdempotentConsumer<BookingCancelled, AdminDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(BookingCancelled m, ConsumeContext<BookingCancelled> context, CancellationToken ct)
    {
        var row = await ProjectionRows.FindOrAddAsync(Db.DashboardBookings, m.BookingId,
            () => new DashboardBooking { BookingId = m.BookingId, PractitionerId = m.PractitionerId, Start = m.Start, End = m.End }, ct);
        row.Status = "cancelled";
        row.Sequence = Math.Max(row.Sequence, m.Sequence);
    }
}

public sealed class BookingNoShowProjection(AdminDbContext db, TimeProvider clock, ILogger<BookingNoShowProjection> logger)
    : IdempotentConsumer<BookingNoShow, AdminDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(BookingNoShow m, ConsumeContext<BookingNoShow> context, CancellationToken ct)
    {
        if (await Db.DashboardBookings.FindAsync([m.BookingId], ct) is { } row)
        {
            row.Status = "no-show";
        }
    }
}
