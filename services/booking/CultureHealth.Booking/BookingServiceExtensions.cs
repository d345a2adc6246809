using CultureHealth.Booking.Api;
using CultureHealth.Booking.Data;
using CultureHealth.Messaging;
using CultureHealth.Messaging.Data;

namespace CultureHealth.Booking;

public static class BookingServiceExtensions
{
    public static IHostApplicationBuilder AddBooking(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<BookingDbContext>("booking");
        builder.Services.AddScoped<IDemoDataSeeder<BookingDbContext>, BookingDemoData>();
        builder.AddServiceMessaging<BookingDbContext>("booking");
        return builder;
    }

    public static WebApplication MapBookingApi(this WebApplication app)
    {
        app.MapPractitionerApi();
        return app;
    }
}
