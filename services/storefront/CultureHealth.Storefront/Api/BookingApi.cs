using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace CultureHealth.Storefront.Api;

/// <summary>
/// The booking service's public API through the gateway. Appointment types and practitioners are shared reads
/// (cached briefly); availability, bookings and credits are read fresh on every request, and a booking's manage
/// token or a patient's token is never written to a log (operations are named, not their URLs).
/// </summary>
public sealed class BookingApi(HttpClient http, HybridCache cache, IOptions<StorefrontOptions> options, ILogger<BookingApi> logger)
    : GatewayApi(http, cache, logger)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public Task<ApiResult<List<AppointmentType>>> AppointmentTypesAsync(CancellationToken ct) =>
        CachedGetAsync<List<AppointmentType>>("/api/booking/appointment-types", options.Value.PublicReadCacheDuration, ["booking-types"], ct);

    public Task<ApiResult<List<Practitioner>>> PractitionersAsync(CancellationToken ct) =>
        CachedGetAsync<List<Practitioner>>("/api/booking/practitioners", options.Value.PublicReadCacheDuration, ["booking-practitioners"], ct);

    /// <summary>Free slots from <paramref name="from"/> to <paramref name="to"/> (clinic dates, inclusive). Never cached: it changes with every booking.</summary>
    public Task<ApiResult<Availability>> AvailabilityAsync(Guid appointmentTypeId, Guid? practitionerId, DateOnly from, DateOnly to, CancellationToken ct) =>
        GetAsync<Availability>("/api/booking/availability" + Query(
            ("appointmentTypeId", appointmentTypeId), ("practitionerId", practitionerId),
            ("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))), ct);

    /// <param name="idempotencyKey">One per rendering of the form: a double submit is one booking.</param>
    /// <param name="patientToken">The proven address's token: the booking is confirmed at once, and may use a credit.</param>
    public async Task<ApiReply<BookingCreated>> BookAsync(BookingRequest booking, string idempotencyKey, string? patientToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/booking/bookings")
        {
            Content = JsonContent.Create(new
            {
                appointmentTypeId = booking.AppointmentTypeId,
                practitionerId = booking.PractitionerId,
                start = booking.Start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                patient = booking.Patient,
                notes = booking.Notes,
                useCredit = booking.UseCredit,
            }, options: Json),
        };
        request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, idempotencyKey);
        Authorize(request, patientToken);
        return await SendForReplyAsync<BookingCreated>(request, "POST booking", ct);
    }

    /// <summary>
    /// The booking behind a manage link, or (with no manage token) the signed-in owner's, by their patient token:
    /// NotFound for a wrong token, another address's booking or an unknown id alike.
    /// </summary>
    public async Task<ApiReply<Appointment>> BookingAsync(Guid id, string? token, string? patientToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ManagePath(id, "", token));
        Authorize(request, patientToken);
        return await SendForReplyAsync<Appointment>(request, "GET booking", ct);
    }

    /// <summary>"My account": the upcoming and past bookings of the address the patient token proves; Refused when it expired.</summary>
    public async Task<ApiReply<MyBookings>> MyBookingsAsync(string patientToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/booking/me/bookings");
        Authorize(request, patientToken);
        return await SendForReplyAsync<MyBookings>(request, "GET my bookings", ct);
    }

    /// <summary>The emailed link of a guest's booking: 200 (again on a second click), 404, or 409 confirmation-expired.</summary>
    public Task<ApiReply<Appointment>> ConfirmAsync(Guid id, string token, CancellationToken ct) =>
        PostAsync(ManagePath(id, "/confirm", token), null, "POST booking confirm", ct);

    /// <summary>409 (cancellation-window, already-started, not-confirmed) when it is too late.</summary>
    public Task<ApiReply<Appointment>> CancelAsync(Guid id, string? token, string? patientToken, CancellationToken ct) =>
        PostAsync(ManagePath(id, "/cancel", token), null, "POST booking cancel", ct, patientToken);

    public Task<ApiReply<Appointment>> RescheduleAsync(Guid id, string? token, string? patientToken, DateTimeOffset start, CancellationToken ct) =>
        PostAsync(ManagePath(id, "/reschedule", token),
            JsonContent.Create(new { start = start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) }, options: Json),
            "POST booking reschedule", ct, patientToken);

    /// <summary>The credits of the address the patient token proves; Refused when the token expired.</summary>
    public async Task<ApiReply<Credits>> CreditsAsync(string patientToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/booking/credits");
        Authorize(request, patientToken);
        return await SendForReplyAsync<Credits>(request, "GET credits", ct);
    }

    /// <summary>Joins the waitlist as the patient the token proves: Invalid names the fields, Refused means sign in again.</summary>
    public async Task<ApiReply<WaitlistEntry>> JoinWaitlistAsync(WaitlistRequest entry, string patientToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/booking/waitlist") { Content = JsonContent.Create(entry, options: Json) };
        Authorize(request, patientToken);
        return await SendForReplyAsync<WaitlistEntry>(request, "POST waitlist", ct);
    }

    public async Task<ApiReply<List<WaitlistEntry>>> MyWaitlistAsync(string patientToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/booking/me/waitlist");
        Authorize(request, patientToken);
        return await SendForReplyAsync<List<WaitlistEntry>>(request, "GET my waitlist", ct);
    }

    public async Task<ApiReply<WaitlistEntry>> LeaveWaitlistAsync(Guid entryId, string patientToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/booking/waitlist/{entryId:D}");
        Authorize(request, patientToken);
        return await SendForReplyAsync<WaitlistEntry>(request, "DELETE waitlist entry", ct);
    }

    /// <summary>The offer behind an emailed link: NotFound for a wrong token or id alike.</summary>
    public async Task<ApiReply<WaitlistOffer>> WaitlistOfferAsync(Guid offerId, string token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, OfferPath(offerId, "", token));
        return await SendForReplyAsync<WaitlistOffer>(request, "GET waitlist offer", ct);
    }

    /// <summary>Books the offered slot (again the same booking on a second click); Conflict when the offer ended.</summary>
    public async Task<ApiReply<BookingCreated>> TakeWaitlistOfferAsync(Guid offerId, string token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, OfferPath(offerId, "/take", token));
        return await SendForReplyAsync<BookingCreated>(request, "POST waitlist offer take", ct);
    }

    private static string OfferPath(Guid id, string action, string token) =>
        $"/api/booking/waitlist/offers/{id:D}{action}?token={Uri.EscapeDataString(token)}";

    private async Task<ApiReply<Appointment>> PostAsync(string path, HttpContent? body, string operation, CancellationToken ct, string? patientToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        Authorize(request, patientToken);
        return await SendForReplyAsync<Appointment>(request, operation, ct);
    }

    private static string ManagePath(Guid id, string action, string? token) =>
        $"/api/booking/bookings/{id:D}{action}" + (string.IsNullOrEmpty(token) ? "" : $"?token={Uri.EscapeDataString(token)}");
}
