namespace CultureHealth.Shop.Application.Orders;

/// <summary>The clinic's calendar is Europe/London: order numbers carry the date the customer saw.</summary>
internal static class ClinicTime
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTimeOffset ToLondon(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, London);
}
