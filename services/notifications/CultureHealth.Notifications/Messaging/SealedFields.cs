using CultureHealth.ServiceDefaults.Secrets;

namespace CultureHealth.Notifications.Messaging;

/// <summary>Opens a bearer secret a producer sealed into an event field (EventSecrets).</summary>
internal static class SealedFields
{
    /// <exception cref="InvalidOperationException">
    /// The field does not open: altered, sealed under a key this process lacks, or sent in clear. The consumer fails,
    /// so the event is retried and then parked in its _error queue for an operator, rather than emailed without its
    /// secret or with a value nobody vouched for.
    /// </exception>
    public static string Open(EventSecrets secrets, string sealedValue, string field) =>
        secrets.Open(sealedValue) ?? throw new InvalidOperationException(
            $"The event's {field} is not sealed with a key this service holds (EventSecrets:Keys); it cannot be emailed.");
}
