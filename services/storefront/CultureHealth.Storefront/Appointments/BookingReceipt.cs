using System.Buffers.Text;
using System.Text.Json;
using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Web;

namespace CultureHealth.Storefront.Appointments;

/// <summary>
/// What the page after the details form shows (POST → redirect → GET): the booking and the address its email
/// went to. A guest's booking has no manage token in the reply, so the page cannot read it back from the API;
/// this short-lived cookie carries the summary instead (nothing secret: what the visitor typed and the slot they
/// chose; altering it changes only their own page). The address stays out of the URL and so out of access logs.
/// </summary>
public sealed record BookingReceipt(
    Guid BookingId, string Status, string AppointmentTypeName, string PractitionerName, DateTimeOffset Start, DateTimeOffset End,
    string Email, DateTimeOffset? ConfirmBy, bool PaidByCredit)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public bool IsPending => Status == BookingStatuses.Pending;

    public static BookingReceipt From(BookingCreated created) => new(
        created.Booking.Id, created.Booking.Status, created.Booking.AppointmentTypeName, created.Booking.PractitionerName,
        created.Booking.Start, created.Booking.End, created.Booking.Patient.Email ?? "", created.ConfirmBy, created.Booking.IsPaidByCredit);

    public void Keep(HttpContext context)
    {
        var options = SiteCookies.Options(context, Lifetime);
        options.Path = BookingRoutes.Received;
        context.Response.Cookies.Append(SiteCookies.BookingReceipt, Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this, GatewayApi.Json)), options);
    }

    public static BookingReceipt? Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(SiteCookies.BookingReceipt, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<BookingReceipt>(Base64Url.DecodeFromChars(value), GatewayApi.Json);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
