using CultureHealth.Booking.Domain;
using CultureHealth.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.Booking.Data;

/// <summary>The London clinic's demo diary. Inserts only what is missing, so it is safe on every start.</summary>
internal sealed class BookingDemoData(TimeProvider clock) : IDemoDataSeeder<BookingDbContext>
{
    public static readonly Guid AmeliaId = Guid.Parse("6f1c2a60-1d1b-4c38-9d55-0c8f1f0a0001");
    public static readonly Guid LondonClinicId = Guid.Parse("6f1c2a60-1d1b-4c38-9d55-0c8f1f0b0001");

    private static readonly (Guid Id, string Name, string Title, string[] Specialisms, string Bio, bool Saturdays)[] Team =
    [
        (AmeliaId, "Amelia Hart", "Specialist MSK Physiotherapist", ["running injuries", "lower back pain"],
            "Amelia treats runners and desk workers with persistent back pain.", true),
        (Id(2), "Daniel Okoye", "Sports Rehabilitation Physiotherapist", ["sports rehab", "ACL rehabilitation", "knee pain"],
            "Daniel rehabilitates footballers and rugby players after knee and ankle injuries.", false),
        (Id(3), "Priya Raman", "Clinical Lead Physiotherapist", ["back pain", "neck pain", "spinal rehabilitation"],
            "Priya leads the clinic's spinal pathway and teaches graded return to activity.", false),
        (Id(4), "Tom Whitfield", "Sports Massage Therapist", ["sports massage", "marathon preparation"],
            "Tom works with London's running clubs before and after race season.", true),
        (Id(5), "Sofia Marchetti", "Specialist Shoulder Physiotherapist", ["shoulder pain", "climbing injuries", "tendinopathy"],
            "Sofia treats climbers, swimmers and anyone whose shoulder has stopped cooperating.", false),
        (Id(6), "James Adeyemi", "MSK Physiotherapist", ["hip pain", "post-operative rehab", "hypermobility"],
            "James guides patients back to strength after hip and knee surgery.", false),
        (Id(7), "Hannah Clarke", "Pelvic Health and MSK Physiotherapist", ["pregnancy-related pain", "pelvic health", "return to running postnatal"],
            "Hannah supports women through pregnancy and back to running afterwards.", true),
        (Id(8), "Marcus Lindqvist", "Sports Physiotherapist", ["cycling injuries", "bike fitting", "Achilles tendinopathy"],
            "Marcus combines physiotherapy with bike fits for commuters and racers.", false),
    ];

    public const string TreatmentRoom = "treatment-room";
    public const string RehabGym = "rehab-gym";

    /// <summary>Three treatment rooms for hands-on work and the rehab gym, which takes one class of patient at a time.</summary>
    private static readonly (Guid Id, string Name, string Kind)[] ClinicRooms =
    [
        (RoomId(1), "Treatment room 1", TreatmentRoom),
        (RoomId(2), "Treatment room 2", TreatmentRoom),
        (RoomId(3), "Treatment room 3", TreatmentRoom),
        (RoomId(4), "Rehab gym", RehabGym),
    ];

    private static readonly (Guid Id, string Code, string Name, int Minutes, int Buffer, long Pence, bool Credits, string? RoomKind, string Description)[] Types =
    [
        (TypeId(1), "initial-assessment", "Initial assessment", 60, 15, 9500, true, TreatmentRoom,
            "A full assessment of your problem, a diagnosis and a treatment plan you can start straight away."),
        (TypeId(2), "follow-up", "Follow-up appointment", 45, 15, 7500, true, TreatmentRoom,
            "Hands-on treatment and progression of your exercise programme."),
        (TypeId(3), "sports-massage", "Sports massage", 45, 15, 7000, true, TreatmentRoom,
            "Deep tissue massage for recovery, training blocks and race preparation."),
        (TypeId(4), "video-consultation", "Video consultation", 30, 0, 6000, false, null,
            "Advice, exercise review and triage from home."),
        (TypeId(5), "rehab-gym-session", "Rehab gym session", 60, 15, 6500, true, RehabGym,
            "Supervised strength and return-to-sport training in the rehab gym."),
    ];

    /// <summary>The gym sessions are run by the rehabilitation specialists.</summary>
    private static readonly Guid[] GymCoaches = [Id(2), Id(6), Id(8)];

    private static readonly (int Year, int Month, int Day, string Name)[] BankHolidays =
    [
        (2026, 1, 1, "New Year's Day"), (2026, 4, 3, "Good Friday"), (2026, 4, 6, "Easter Monday"),
        (2026, 5, 4, "Early May bank holiday"), (2026, 5, 25, "Spring bank holiday"), (2026, 8, 31, "Summer bank holiday"),
        (2026, 12, 25, "Christmas Day"), (2026, 12, 28, "Boxing Day (substitute day)"),
        (2027, 1, 1, "New Year's Day"), (2027, 3, 26, "Good Friday"), (2027, 3, 29, "Easter Monday"),
        (2027, 5, 3, "Early May bank holiday"), (2027, 5, 31, "Spring bank holiday"), (2027, 8, 30, "Summer bank holiday"),
        (2027, 12, 27, "Christmas Day (substitute day)"), (2027, 12, 28, "Boxing Day (substitute day)"),
    ];

    public async Task SeedAsync(BookingDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Locations.AnyAsync(l => l.Id == LondonClinicId, cancellationToken))
        {
            db.Locations.Add(new Location { Id = LondonClinicId, Name = "CultureHealth London", Address = "12 Clerkenwell Road, London EC1M 5PQ" });
        }

        var existing = await db.Practitioners.Select(p => p.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var member in Team.Where(m => !existing.Contains(m.Id)))
        {
            db.Practitioners.Add(new Practitioner
            {
                Id = member.Id, Name = member.Name, Title = member.Title, Specialisms = [.. member.Specialisms], Bio = member.Bio,
                LocationId = LondonClinicId, UpdatedAt = now,
            });
            db.WeeklySchedule.AddRange(WeekOf(member.Id, member.Saturdays));
        }

        var existingRooms = await db.Rooms.Select(r => r.Id).ToListAsync(cancellationToken);
        db.Rooms.AddRange(ClinicRooms.Where(r => !existingRooms.Contains(r.Id))
            .Select(r => new Room { Id = r.Id, Name = r.Name, Kind = r.Kind, UpdatedAt = Instant.FromDateTimeOffset(now) }));

        var existingTypes = await db.AppointmentTypes.Select(t => t.Id).ToListAsync(cancellationToken);
        foreach (var type in Types.Where(t => !existingTypes.Contains(t.Id)))
        {
            db.AppointmentTypes.Add(new AppointmentTypeDefinition
            {
                Id = type.Id, Code = type.Code, Name = type.Name, Description = type.Description, DurationMinutes = type.Minutes,
                BufferAfterMinutes = type.Buffer, PricePence = type.Pence, CreditsCanPay = type.Credits, RoomKind = type.RoomKind,
            });
            // Massage is Tom's; the gym is the rehab specialists'; everyone else offers the physiotherapy appointments.
            var offeredBy = type.Code switch
            {
                "sports-massage" => Team.Where(m => m.Id == Id(4)),
                "rehab-gym-session" => Team.Where(m => GymCoaches.Contains(m.Id)),
                _ => Team.Where(m => m.Id != Id(4)),
            };
            db.Offerings.AddRange(offeredBy.Select(m => new PractitionerOffering { PractitionerId = m.Id, AppointmentTypeId = type.Id }));
        }

        var closed = await db.Closures.Select(c => c.Date).ToListAsync(cancellationToken);
        db.Closures.AddRange(BankHolidays.Select(h => new ClinicClosure { Date = new LocalDate(h.Year, h.Month, h.Day), Name = h.Name })
            .Where(c => !closed.Contains(c.Date)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Mon-Fri 09:00-13:00 and 14:00-17:00 (lunch in between); some work Saturday mornings.</summary>
    private static IEnumerable<WeeklyScheduleInterval> WeekOf(Guid practitionerId, bool saturdays)
    {
        var days = new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday };
        foreach (var day in days)
        {
            yield return Block(practitionerId, day, 9, 13);
            yield return Block(practitionerId, day, 14, 17);
        }

        if (saturdays)
        {
            yield return Block(practitionerId, IsoDayOfWeek.Saturday, 9, 13);
        }
    }

    private static WeeklyScheduleInterval Block(Guid practitionerId, IsoDayOfWeek day, int startHour, int endHour) => new()
    {
        // Deterministic ids keep re-seeding a no-op.
        Id = Guid.Parse($"6f1c2a60-1d1b-4c38-{(int)day:D2}{startHour:D2}-{practitionerId.ToString("N")[20..]}"),
        PractitionerId = practitionerId, Day = day, Start = new LocalTime(startHour, 0), End = new LocalTime(endHour, 0),
    };

    private static Guid Id(int n) => Guid.Parse($"6f1c2a60-1d1b-4c38-9d55-0c8f1f0a{n:D4}");

    private static Guid TypeId(int n) => Guid.Parse($"6f1c2a60-1d1b-4c38-9d55-0c8f1f0c{n:D4}");

    private static Guid RoomId(int n) => Guid.Parse($"6f1c2a60-1d1b-4c38-9d55-0c8f1f0d{n:D4}");
}
