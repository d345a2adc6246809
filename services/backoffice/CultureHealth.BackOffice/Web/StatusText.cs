namespace CultureHealth.BackOffice.Web;

/// <summary>Booking statuses as a receptionist says them (the colour on the page repeats, never replaces, the words).</summary>
public static class StatusText
{
    public static string Of(string status) => status switch
    {
        "confirmed" => "Booked",
        "pending" => "Awaiting patient's email confirmation",
        "completed" => "Attended",
        "no-show" or "noShow" => "No-show",
        "cancelled" => "Cancelled",
        _ => status,
    };
}
