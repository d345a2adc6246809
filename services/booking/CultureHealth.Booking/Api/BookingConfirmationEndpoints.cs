using CultureHealth.Booking.Application;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Booking.Api;

/// <summary>The link in the "please confirm your booking" email lands here (through the site's confirm page).</summary>
public static class BookingConfirmationEndpoints
{
    public static IEndpointRouteBuilder MapBookingConfirmationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/booking/bookings/{id:guid}/confirm", Confirm).WithTags("Bookings");
        return app;
    }

    /// <summary>
    /// 200 with the confirmed booking (also for a second click); 404 for a wrong token, as everywhere; 409 when the
    /// hold ran out (type …/confirmation-expired). The confirmation email with the calendar invitation follows.
    /// </summary>
    private static async Task<Ok<BookingDto>> Confirm(Guid id, string? token, PendingBookings pending, CancellationToken ct) =>
        TypedResults.Ok(await pending.ConfirmAsync(id, token, ct));
}
