namespace CultureHealth.Storefront.Api;

public enum ApiOutcome
{
    Ok,
    NotFound,
    /// <summary>The service (or the gateway) did not answer in time, refused, or failed: the page says so for its part.</summary>
    Unavailable,
}

/// <summary>What a page gets from a read: the value, "there is no such thing", or "that part of the site is down".</summary>
public readonly record struct ApiResult<T>(ApiOutcome Outcome, T? Value)
{
    public bool IsOk => Outcome == ApiOutcome.Ok && Value is not null;
    public bool IsNotFound => Outcome == ApiOutcome.NotFound;
    public bool IsUnavailable => Outcome == ApiOutcome.Unavailable;

    public static ApiResult<T> Ok(T value) => new(ApiOutcome.Ok, value);
    public static ApiResult<T> NotFound() => new(ApiOutcome.NotFound, default);
    public static ApiResult<T> Unavailable() => new(ApiOutcome.Unavailable, default);

    public ApiResult<TOut> Map<TOut>(Func<T, TOut> map) => IsOk ? ApiResult<TOut>.Ok(map(Value!)) : new(Outcome == ApiOutcome.Ok ? ApiOutcome.NotFound : Outcome, default);
}

/// <summary>RFC 9457 problem details as the services send them; <see cref="Errors"/> names the fields.</summary>
public sealed record ApiProblem(string? Title, string? Detail, int? Status, Dictionary<string, string[]>? Errors)
{
    public string? ErrorFor(string field) =>
        Errors?.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}

/// <summary>Thrown inside a cache factory so an outage is never cached; caught by <see cref="GatewayApi"/>.</summary>
internal sealed class ApiUnavailableException : Exception
{
    public ApiUnavailableException() : base("The API is unavailable.") { }
    public ApiUnavailableException(string message) : base(message) { }
    public ApiUnavailableException(string message, Exception inner) : base(message, inner) { }
}
