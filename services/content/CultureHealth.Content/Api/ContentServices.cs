using CultureHealth.Content.Data;
using CultureHealth.Content.Telemetry;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace CultureHealth.Content.Api;

/// <summary>What content's longer handlers need from the container, bundled with <c>[AsParameters]</c>.</summary>
public readonly record struct ContentServices(
    ContentDbContext Db, IOptions<ContentOptions> Options, TimeProvider Clock, IOutputCacheStore Cache, ContentMetrics Metrics);
