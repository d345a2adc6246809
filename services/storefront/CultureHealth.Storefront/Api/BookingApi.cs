using System.ComponentModel;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace CultureHealth.Storefront.Api;

[ImmutableObject(true)]
public sealed record Money(long Amount, string Currency);

[ImmutableObject(true)]
public sealed record AppointmentType(Guid Id, string Code, string Name, string? Description, int DurationMinutes, Money Price);

/// <summary>The booking service's public API through the gateway (the booking pages' helper extends it).</summary>
public sealed class BookingApi(HttpClient http, HybridCache cache, IOptions<StorefrontOptions> options, ILogger<BookingApi> logger)
    : GatewayApi(http, cache, logger)
{
    public Task<ApiResult<List<AppointmentType>>> AppointmentTypesAsync(CancellationToken ct) =>
        CachedGetAsync<List<AppointmentType>>("/api/booking/appointment-types", options.Value.PublicReadCacheDuration, ["booking-types"], ct);
}
