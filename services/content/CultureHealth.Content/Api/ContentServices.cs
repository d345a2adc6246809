using CultureHealth.Content.Application;
using Microsoft.Extensions.Options;

namespace CultureHealth.Content.Api;

/// <summary>What content's longer handlers (the public article list, the moderation queue) need from the container, bundled with <c>[AsParameters]</c>.</summary>
public readonly record struct ContentServices(PublicArticles Articles, ModerationQueue Moderation, IOptions<ContentOptions> Options);
