using CultureHealth.Booking.Application;
using Microsoft.Extensions.Options;

namespace CultureHealth.Booking.Api;

/// <summary>What the availability handler needs from the container (the search, and the range limit and today it checks), bundled with <c>[AsParameters]</c>.</summary>
public readonly record struct AvailabilityServices(AvailabilitySearch Search, IOptions<BookingOptions> Options, TimeProvider Clock);
