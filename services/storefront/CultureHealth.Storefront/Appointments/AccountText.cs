using CultureHealth.Storefront.Api;

namespace CultureHealth.Storefront.Appointments;

/// <summary>How a booking's status is said to its patient, the same on the manage page and in "My account".</summary>
public static class AccountText
{
    public static string BookingStatus(string status) => status switch
    {
        BookingStatuses.Confirmed => "Confirmed",
        BookingStatuses.Pending => "Waiting for you to confirm it by email",
        BookingStatuses.Cancelled => "Cancelled",
        BookingStatuses.Expired => "Not confirmed in time (released)",
        BookingStatuses.Completed => "Attended",
        BookingStatuses.NoShow => "Missed",
        _ => status,
    };
}
