using System.Diagnostics.Metrics;
using CultureHealth.ServiceDefaults.Telemetry;

namespace CultureHealth.Booking.Telemetry;

/// <summary>
/// The clinic's diary as numbers for the business dashboard. Each is counted once its change is
/// committed, next to the event that announces it, so the counters agree with what other services hear.
/// </summary>
public sealed class BookingMetrics(IMeterFactory meters)
{
    public const string MeterName = "CultureHealth.Booking";

    private readonly Counter<long> _confirmed = meters.CreateCounter(MeterName, "culturehealth.bookings.confirmed", "{booking}", "Bookings confirmed");
    private readonly Counter<long> _cancelled = meters.CreateCounter(MeterName, "culturehealth.bookings.cancelled", "{booking}", "Bookings cancelled, by who cancelled");
    private readonly Counter<long> _rescheduled = meters.CreateCounter(MeterName, "culturehealth.bookings.rescheduled", "{booking}", "Bookings moved to another time");
    private readonly Counter<long> _noShows = meters.CreateCounter(MeterName, "culturehealth.bookings.no_show", "{booking}", "Bookings the patient did not attend");
    private readonly Counter<long> _availabilitySearches = meters.CreateCounter(MeterName, "culturehealth.availability.searches", "{search}", "Free-slot searches answered");
    private readonly Counter<long> _held = meters.CreateCounter(MeterName, "culturehealth.bookings.pending", "{booking}", "Guest bookings held until the patient confirms them by email");
    private readonly Counter<long> _expired = meters.CreateCounter(MeterName, "culturehealth.bookings.expired", "{booking}", "Pending bookings released because nobody confirmed them");
    private readonly Counter<long> _waitlistOffers = meters.CreateCounter(MeterName, "culturehealth.waitlist.offers", "{offer}", "Freed slots offered to waiting patients");
    private readonly Counter<long> _waitlistOffersClosed = meters.CreateCounter(MeterName, "culturehealth.waitlist.offers_closed", "{offer}", "Waitlist offers ended, by outcome (taken, lapsed)");

    /// <param name="paidBy">How the session is paid for (clinic or credit): credits show treatment packages being used.</param>
    public void Confirmed(string paidBy) => _confirmed.Add(1, new KeyValuePair<string, object?>("culturehealth.booking.paid_by", paidBy));

    public void Cancelled(string cancelledBy) => _cancelled.Add(1, new KeyValuePair<string, object?>("culturehealth.booking.cancelled_by", cancelledBy));

    public void Rescheduled() => _rescheduled.Add(1);

    public void NoShow() => _noShows.Add(1);

    /// <summary>A guest's booking now holds its slot, pending the emailed link (confirmations count in <see cref="Confirmed"/>).</summary>
    public void Held() => _held.Add(1);

    /// <summary>Many expiries against few confirmations point at someone holding slots they never meant to take.</summary>
    public void Expired() => _expired.Add(1);

    public void WaitlistOffered(int count) => _waitlistOffers.Add(count);

    /// <summary>Taken against lapsed says whether the hold is long enough and the offers reach people who still want them.</summary>
    public void WaitlistOfferClosed(string outcome, int count = 1) =>
        _waitlistOffersClosed.Add(count, new KeyValuePair<string, object?>("culturehealth.waitlist.outcome", outcome));

    /// <param name="foundSlots">Whether any slot was offered: searches that find nothing point at a full diary.</param>
    public void AvailabilitySearched(bool foundSlots) =>
        _availabilitySearches.Add(1, new KeyValuePair<string, object?>("culturehealth.availability.found", foundSlots));
}
