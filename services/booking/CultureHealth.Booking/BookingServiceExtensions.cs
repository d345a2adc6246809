using CultureHealth.Booking.Api;
using CultureHealth.Booking.Application;
using CultureHealth.Booking.Application.PatientData;
using CultureHealth.Booking.Messaging;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Telemetry;
using CultureHealth.Messaging;
using CultureHealth.Messaging.Data;
using CultureHealth.Messaging.Idempotency;
using CultureHealth.ServiceDefaults.Options;
using CultureHealth.ServiceDefaults.Patients;
using CultureHealth.ServiceDefaults.Secrets;

namespace CultureHealth.Booking;

public static class BookingServiceExtensions
{
    public static IHostApplicationBuilder AddBooking(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<BookingOptions>(BookingOptions.Section);
        builder.AddValidatedOptions<GuestBookingOptions>(GuestBookingOptions.Section);
        builder.AddValidatedOptions<WaitlistOptions>(WaitlistOptions.Section);
        builder.AddEventSecrets();
        builder.AddPatientAuthentication();
        builder.AddServiceDatabase<BookingDbContext>("booking");
        builder.Services.AddScoped<IDemoDataSeeder<BookingDbContext>, BookingDemoData>();
        builder.Services.AddScoped<DiaryReader>();
        builder.Services.AddSingleton<BookingMetrics>();
        builder.Services.AddScoped<BookingQueries>();
        builder.Services.AddScoped<PractitionerDirectory>();
        builder.Services.AddScoped<AppointmentTypeCatalogue>();
        builder.Services.AddScoped<AvailabilitySearch>();
        builder.Services.AddScoped<SessionCredits>();
        builder.Services.AddScoped<CalendarFeeds>();
        builder.Services.AddScoped<StaffDiary>();
        builder.Services.AddScoped<StaffSchedules>();
        builder.Services.AddScoped<ClinicClosureDays>();
        builder.Services.AddScoped<RoomRegister>();
        builder.Services.AddScoped<RoomAllocation>();
        builder.Services.AddScoped<RoomClosures>();
        builder.Services.AddScoped<WorkingTimeOpenings>();
        builder.Services.AddScoped<PatientBookings>();
        builder.Services.AddScoped<BookingCreation>();
        builder.Services.AddScoped<BookingChanges>();
        builder.Services.AddSingleton<DiaryWriteLock>();
        builder.Services.AddScoped<StaffBookingCommands>();
        builder.Services.AddScoped<PendingHolds>();
        builder.Services.AddScoped<PendingBookings>();
        builder.Services.AddScoped<BookingRequests>();
        builder.Services.AddHostedService<PendingBookingSweeper>();
        builder.Services.AddScoped<Waitlist>();
        builder.Services.AddScoped<WaitlistMatcher>();
        builder.Services.AddScoped<WaitlistOffers>();
        builder.Services.AddScoped<StaffWaitlist>();
        builder.Services.AddHostedService<WaitlistSweeper>();
        builder.Services.AddScoped<BookingPatientDataService>();
        builder.AddValidatedOptions<RetentionOptions>(RetentionOptions.Section);
        builder.Services.AddScoped<BookingRetention>();
        builder.Services.AddHostedService<BookingRetentionJob>();
        builder.AddServiceMessaging<BookingDbContext>("booking", bus =>
        {
            bus.AddConsumer<OrderPaidConsumer>();
            bus.AddConsumer<OrderRefundedConsumer>();
            bus.AddConsumer<PatientErasureRequestedConsumer>();
        });
        builder.AddIdempotency<BookingDbContext>();
        return builder;
    }

    public static WebApplication MapBookingApi(this WebApplication app)
    {
        app.MapPractitionerApi();
        app.MapAppointmentTypeEndpoints();
        app.MapAvailabilityEndpoints();
        app.MapBookingEndpoints();
        app.MapBookingConfirmationEndpoints();
        app.MapCreditEndpoints();
        app.MapWaitlistEndpoints();
        app.MapStaffWaitlistEndpoints();
        app.MapPatientBookingEndpoints();
        app.MapCalendarFeedEndpoints();
        app.MapScheduleEndpoints();
        app.MapStaffBookingEndpoints();
        app.MapStaffBookingCreationEndpoints();
        app.MapWorkingHoursEndpoints();
        app.MapClosureEndpoints();
        app.MapRoomEndpoints();
        app.MapPatientDataApi();
        return app;
    }
}
