namespace CultureHealth.BackOffice.Web;

/// <summary>Booking statuses as a receptionist says them (the colour on the page repeats, never replaces, the words).</summary>
public static class StatusText
{
    public static string Of(string status) => Css(status) switch
    {
        "confirmed" => "Booked",
        "pending" => "Awaiting the patient's email confirmation",
        "completed" => "Attended",
        "no-show" => "No-show",
        "cancelled" => "Cancelled",
        "expired" => "Not confirmed in time",
        _ => status,
    };

    /// <summary>One spelling for styles: booking says "no_show", admin's dashboard "no-show".</summary>
    public static string Css(string status) => status.Replace('_', '-').ToLowerInvariant();
}
