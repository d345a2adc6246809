using System.Net;

namespace CultureHealth.BackOffice.AdminApi;

/// <summary>What admin (or the service behind it) said no with: an RFC 9457 problem, or "did not answer".</summary>
public sealed record AdminProblem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors, TimeSpan? RetryAfter)
{
    public static AdminProblem Unavailable(TimeSpan? retryAfter = null) => new(
        (int)HttpStatusCode.ServiceUnavailable, "Unavailable",
        "The clinic's systems did not answer. Nothing was changed; try again in a minute.", new Dictionary<string, string[]>(), retryAfter);

    public bool IsUnavailable => Status is (int)HttpStatusCode.ServiceUnavailable or (int)HttpStatusCode.BadGateway or (int)HttpStatusCode.GatewayTimeout;

    /// <summary>Field errors first (they say what to fix), else the detail, else the title.</summary>
    public string Message => Errors.Count > 0 && Detail is null ? string.Join(" ", Errors.SelectMany(e => e.Value)) : Detail ?? Title;
}

/// <summary>Admin's answer: a value, or a problem to show the member of staff.</summary>
public readonly record struct AdminResult<T>(T? Value, AdminProblem? Problem)
{
    public bool IsSuccess => Problem is null;

    public static implicit operator AdminResult<T>(AdminProblem problem) => new(default, problem);
}

/// <summary>The signed-in member of staff's session ended (signed out elsewhere, disabled, or the refresh token died).</summary>
public sealed class SessionEndedException() : Exception("The staff session has ended.");
