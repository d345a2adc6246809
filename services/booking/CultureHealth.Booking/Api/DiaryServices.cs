using CultureHealth.Booking.Application;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Telemetry;
using Microsoft.Extensions.Options;

namespace CultureHealth.Booking.Api;

/// <summary>What the diary's read endpoints need from the container, bundled with <c>[AsParameters]</c>.</summary>
public readonly record struct DiaryServices(
    BookingDbContext Db, DiaryReader Diary, IOptions<BookingOptions> Options, TimeProvider Clock, BookingMetrics Metrics);
