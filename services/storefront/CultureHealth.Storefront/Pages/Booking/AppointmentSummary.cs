using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Web;

namespace CultureHealth.Storefront.Pages.Booking;

/// <summary>What the appointment box shows; <see cref="Price"/> is already worded ("£95.00", "Paid with a session credit").</summary>
public sealed record AppointmentSummary(
    string TypeName, int? DurationMinutes, string PractitionerName, DateTimeOffset Start, DateTimeOffset End, string? Price, string Where)
{
    public static AppointmentSummary Of(Appointment booking, ClinicOptions clinic) => new(
        booking.AppointmentTypeName, (int)(booking.End - booking.Start).TotalMinutes, booking.PractitionerName, booking.Start, booking.End,
        booking.IsPaidByCredit ? "Paid with a session credit" : $"{Prices.Format(booking.Price.Amount)}, paid at the clinic",
        Address(clinic));

    public static string Address(ClinicOptions clinic) => $"{clinic.Name}, {clinic.StreetAddress}, {clinic.Locality} {clinic.PostalCode}";
}
