using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Booking.Telemetry;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.Booking.Application;

public sealed record SlotDto(DateTimeOffset Start, DateTimeOffset End);

public sealed record PractitionerSlots(Guid PractitionerId, string PractitionerName, IReadOnlyList<SlotDto> Slots);

public sealed record AvailabilityDto(Guid AppointmentTypeId, int DurationMinutes, string From, string To, IReadOnlyList<PractitionerSlots> Practitioners);

/// <summary>
/// Free slots per practitioner. These come from the same <see cref="AvailabilityCalculator"/> that validates a booking,
/// so a listed slot is bookable until someone takes it.
/// </summary>
public sealed class AvailabilitySearch(BookingDbContext db, DiaryReader diary, TimeProvider clock, BookingMetrics metrics)
{
    /// <summary>
    /// The slots of an active appointment type from <paramref name="from"/> to <paramref name="to"/> (clinic dates, inclusive),
    /// for <paramref name="practitionerId"/> or every active practitioner who offers the type; 422 naming the field otherwise.
    /// </summary>
    public async Task<AvailabilityDto> ListAsync(Guid appointmentTypeId, Guid? practitionerId, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var type = await db.AppointmentTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == appointmentTypeId && t.Active, ct)
            ?? throw ProblemException.Unprocessable("appointmentTypeId", "No bookable appointment type has this id.");
        var practitioners = await db.Practitioners.AsNoTracking()
            .Where(p => p.Active && (practitionerId == null || p.Id == practitionerId)
                && db.Offerings.Any(o => o.PractitionerId == p.Id && o.AppointmentTypeId == type.Id))
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        if (practitionerId is not null && practitioners.Count == 0)
        {
            throw ProblemException.Unprocessable("practitionerId", "No active practitioner with this id offers this appointment type.");
        }

        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var contexts = await diary.ContextsAsync([.. practitioners.Select(p => p.Id)], type.ToRule(), from, to, null, ct);
        var result = practitioners.Select(p => new PractitionerSlots(p.Id, p.Name,
            [.. AvailabilityCalculator.FreeSlots(contexts[p.Id], now, from, to)
                .Select(s => new SlotDto(s.Start.ToDateTimeOffset(), s.End.ToDateTimeOffset()))])).ToList();
        metrics.AvailabilitySearched(result.Any(p => p.Slots.Count > 0));
        return new AvailabilityDto(type.Id, type.DurationMinutes, ClinicTimeText.Format(from), ClinicTimeText.Format(to), result);
    }
}
