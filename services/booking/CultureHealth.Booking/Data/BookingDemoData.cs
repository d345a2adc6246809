using CultureHealth.Booking.Domain;
using CultureHealth.Messaging.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Booking.Data;

internal sealed class BookingDemoData(TimeProvider clock) : IDemoDataSeeder<BookingDbContext>
{
    public static readonly Guid AmeliaId = Guid.Parse("6f1c2a60-1d1b-4c38-9d55-0c8f1f0a0001");

    public async Task SeedAsync(BookingDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Practitioners.AnyAsync(cancellationToken))
        {
            return;
        }
        db.Practitioners.Add(new Practitioner
        {
            Id = AmeliaId,
            Name = "Amelia Hart",
            Title = "Specialist MSK Physiotherapist",
            Specialisms = ["running injuries", "lower back pain"],
            Bio = "Amelia treats runners and desk workers with persistent back pain.",
            UpdatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
