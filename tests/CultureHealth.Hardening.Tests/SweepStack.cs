using CultureHealth.Testing;

namespace CultureHealth.Hardening.Tests;

/// <summary>
/// The whole stack (<see cref="WholeStack"/>: every service, the website and the back office, each on a real
/// loopback port, so raw bytes reach it as a client would send them) with the demo data seeded, and the gateway
/// in front of them. Every cluster the gateway routes to is a real, running service, so the gateway's aggregated
/// /health answers for the system as deployed rather than for a gateway pointed at ports where nothing listens.
/// </summary>
public sealed class SweepStack : WholeStack
{
    /// <summary>The test classes that share one running stack (started once, torn down after the last).</summary>
    public const string Collection = "running stack";

    public SweepStack() : base(seedDemoData: true)
    {
        // The sweep provokes thousands of refused writes (duplicate SKUs and the like) that EF logs as errors.
        ServiceSettings["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Critical";
        GatewaySettings["Gateway:RateLimits:public"] = "1000000";
    }

    /// <summary>Each swept service's name, port and health client.</summary>
    public IReadOnlyList<(string Name, int Port, Func<HttpClient> Client)> Services =>
    [
        ("content", Content.Factory.Port!.Value, () => Content.CreateClient()),
        ("shop", Shop.Factory.Port!.Value, () => Shop.CreateClient()),
        ("booking", Booking.Factory.Port!.Value, () => Booking.CreateClient()),
        ("admin", Admin.Factory.Port!.Value, () => Admin.CreateClient()),
        ("patients", Patients.Factory.Port!.Value, () => Patients.CreateClient()),
    ];
}

[CollectionDefinition(SweepStack.Collection)]
public sealed class SweepStackCollection : ICollectionFixture<SweepStack>;
