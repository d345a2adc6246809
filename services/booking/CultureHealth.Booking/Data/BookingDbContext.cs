using CultureHealth.Booking.Domain;
using CultureHealth.Messaging.Data;
using CultureHealth.Messaging.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Booking.Data;

public sealed class BookingDbContext(DbContextOptions<BookingDbContext> options) : DbContext(options)
{
    public DbSet<Practitioner> Practitioners => Set<Practitioner>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<AppointmentTypeDefinition> AppointmentTypes => Set<AppointmentTypeDefinition>();
    public DbSet<PractitionerOffering> Offerings => Set<PractitionerOffering>();
    public DbSet<WeeklyScheduleInterval> WeeklySchedule => Set<WeeklyScheduleInterval>();
    public DbSet<DateOverrideInterval> DateOverrides => Set<DateOverrideInterval>();
    public DbSet<TimeOffPeriod> TimeOff => Set<TimeOffPeriod>();
    public DbSet<ClinicClosure> Closures => Set<ClinicClosure>();
    public DbSet<PatientBooking> Bookings => Set<PatientBooking>();
    public DbSet<SessionCreditGrant> CreditGrants => Set<SessionCreditGrant>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<PendingConfirmation> PendingConfirmations => Set<PendingConfirmation>();
    public DbSet<WaitlistEntry> WaitlistEntries => Set<WaitlistEntry>();
    public DbSet<WaitlistOffer> WaitlistOffers => Set<WaitlistOffer>();
    public DbSet<WaitlistOpening> WaitlistOpenings => Set<WaitlistOpening>();
    public DbSet<Room> Rooms => Set<Room>();
    public DbSet<RoomClosure> RoomClosures => Set<RoomClosure>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // The no-double-booking exclusion constraint mixes "=" on a uuid with "&&" on a range in one GiST index.
        modelBuilder.HasPostgresExtension("btree_gist");
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BookingDbContext).Assembly);
    }
}
