namespace CultureHealth.Storefront.Api;

/// <summary>What a page does next after a write (or a read that needs the visitor's own credentials).</summary>
public enum ReplyKind
{
    Done,
    /// <summary>400 or 422: the problem names the fields.</summary>
    Invalid,
    /// <summary>404: a wrong token and an unknown id answer alike.</summary>
    NotFound,
    /// <summary>409: the state does not allow it (slot taken, too late, hold ran out).</summary>
    Conflict,
    /// <summary>401 or 403: the credential (a patient token) is missing, expired or not for this.</summary>
    Refused,
    /// <summary>429: a limit; <see cref="ApiReply{T}.RetryAfter"/> says when to try again.</summary>
    TooMany,
    /// <summary>Nothing definite came back (refused connection, timeout, 5xx): the write may or may not have happened.</summary>
    Unavailable,
}

/// <summary>An API's answer to a write: the value, or why not in the API's own words (RFC 9457 problem details).</summary>
public sealed record ApiReply<T>(ReplyKind Kind, T? Value = default, ApiProblem? Problem = null, TimeSpan? RetryAfter = null)
{
    public bool IsDone => Kind == ReplyKind.Done && Value is not null;

    public static ApiReply<T> Unavailable() => new(ReplyKind.Unavailable);
}
