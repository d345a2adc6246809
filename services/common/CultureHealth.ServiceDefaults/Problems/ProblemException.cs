using Microsoft.AspNetCore.Http;

namespace CultureHealth.ServiceDefaults.Problems;

/// <summary>
/// A rule of the domain said no. Thrown where returning a result would thread through many layers;
/// the exception handler turns it into an RFC 9457 problem with its status and the field at fault.
/// </summary>
public class ProblemException(int status, string title, string detail, string? field = null, string? type = null)
    : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public string? Field { get; } = field;
    public string? Type { get; } = type;
    /// <summary>When set, the answer carries a Retry-After header (429 and 503 problems).</summary>
    public TimeSpan? RetryAfter { get; init; }
    /// <summary>Members the problem carries besides the standard ones (e.g. the bookings in the way), written as they are.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    public static ProblemException Conflict(string title, string detail) => new(StatusCodes.Status409Conflict, title, detail);
    public static ProblemException NotFound(string what) => new(StatusCodes.Status404NotFound, "Not found", $"{what} was not found.");
    public static ProblemException Invalid(string field, string detail) => new(StatusCodes.Status400BadRequest, "Invalid request", detail, field);
    public static ProblemException Unprocessable(string field, string detail) => new(StatusCodes.Status422UnprocessableEntity, "Request cannot be processed", detail, field);

    public static ProblemException TooManyRequests(string title, string detail, TimeSpan retryAfter, string? field = null, string? type = null) =>
        new(StatusCodes.Status429TooManyRequests, title, detail, field, type) { RetryAfter = retryAfter };
}
