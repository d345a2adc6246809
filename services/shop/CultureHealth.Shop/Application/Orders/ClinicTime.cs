using CultureHealth.Calendar;

namespace CultureHealth.Shop.Application.Orders;

/// <summary>Order numbers carry the date the customer saw: the clinic's (<see cref="ClinicTimeZone"/>).</summary>
internal static class ClinicTime
{
    public static DateTimeOffset ToLondon(DateTimeOffset instant) => ClinicTimeZone.ToClinicTime(instant);
}
