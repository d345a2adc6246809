using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Booking.Application;

public sealed record PractitionerDto(Guid Id, string Name, string Title, IReadOnlyList<string> Specialisms, string? Bio, string? PhotoUrl, bool Active);

public sealed record PractitionerUpsert(string? Name, string? Title, List<string>? Specialisms, string? Bio, string? PhotoUrl, bool? Active);

/// <summary>The practitioners' public profiles; a change is announced so content and the website follow it.</summary>
public sealed class PractitionerDirectory(BookingDbContext db, TimeProvider clock)
{
    /// <summary>By name; <paramref name="activeOnly"/> false is the staff diary's columns (inactive practitioners' bookings still show).</summary>
    public Task<List<PractitionerDto>> ListAsync(bool activeOnly, CancellationToken ct) =>
        db.Practitioners.AsNoTracking().Where(p => !activeOnly || p.Active).OrderBy(p => p.Name).Select(p => ToDto(p)).ToListAsync(ct);

    public async Task<PractitionerDto?> FindActiveAsync(Guid id, CancellationToken ct) =>
        await db.Practitioners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.Active, ct) is { } p ? ToDto(p) : null;

    /// <summary>Stores <paramref name="body"/> (already checked) as practitioner <paramref name="id"/> and publishes the profile on commit.</summary>
    public async Task<Upserted<PractitionerDto>> UpsertAsync(Guid id, PractitionerUpsert body, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var practitioner = await db.Practitioners.FirstOrDefaultAsync(p => p.Id == id, ct);
        var created = practitioner is null;
        if (practitioner is null)
        {
            practitioner = new Practitioner { Id = id };
            db.Practitioners.Add(practitioner);
        }
        practitioner.Name = body.Name!.Trim();
        practitioner.Title = body.Title!.Trim();
        practitioner.Specialisms = body.Specialisms ?? practitioner.Specialisms;
        practitioner.Bio = body.Bio;
        practitioner.PhotoUrl = body.PhotoUrl;
        practitioner.Active = body.Active ?? practitioner.Active;
        practitioner.UpdatedAt = now;

        db.PublishOnCommit(new PractitionerProfileChanged(
            Guid.NewGuid(), now, practitioner.Id, practitioner.Name, practitioner.Title, practitioner.Bio, practitioner.PhotoUrl, practitioner.Active), now);
        await db.SaveChangesAsync(ct);
        return new Upserted<PractitionerDto>(ToDto(practitioner), created);
    }

    private static PractitionerDto ToDto(Practitioner p) => new(p.Id, p.Name, p.Title, p.Specialisms, p.Bio, p.PhotoUrl, p.Active);
}
