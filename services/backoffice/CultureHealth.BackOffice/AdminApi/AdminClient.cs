using CultureHealth.BackOffice.Sessions;

namespace CultureHealth.BackOffice.AdminApi;

/// <summary>
/// Admin's API as the signed-in member of staff: their own access token on every call (refreshed on the
/// server when due), so admin checks their role and writes its audit log under their name. Pages use this;
/// nothing in the back office calls another service.
/// </summary>
public sealed class AdminClient(AdminConnection admin, SessionStore sessions, IHttpContextAccessor accessor)
{
    public Task<AdminResult<T>> GetAsync<T>(string path, CancellationToken ct) => SendAsync<T>(HttpMethod.Get, path, null, null, ct);

    public Task<AdminResult<T>> PostAsync<T>(string path, object? body, CancellationToken ct, string? idempotencyKey = null) =>
        SendAsync<T>(HttpMethod.Post, path, body, idempotencyKey, ct);

    public Task<AdminResult<T>> PutAsync<T>(string path, object? body, CancellationToken ct) => SendAsync<T>(HttpMethod.Put, path, body, null, ct);

    public Task<AdminResult<NoContent>> DeleteAsync(string path, CancellationToken ct) => SendAsync<NoContent>(HttpMethod.Delete, path, null, null, ct);

    /// <summary>
    /// Sends one request. Admin answering 401 means the access token is no longer honoured: after a role change or a
    /// sign-out on another device a refresh gives a good one, so the request is sent once more with it. If the refresh
    /// is refused too (disabled, signed out everywhere), the session ends and <see cref="SessionEndedException"/> sends
    /// the browser to sign in. Only requests admin refused before acting (401) are resent.
    /// </summary>
    public async Task<AdminResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, string? idempotencyKey, CancellationToken ct)
    {
        var current = accessor.HttpContext?.Features.Get<CurrentSession>() ?? throw new SessionEndedException();
        var token = await sessions.AccessTokenAsync(current.Session, ct);
        if (token.Problem is { } problem)
        {
            return problem;
        }
        if (token.SessionEnded)
        {
            throw new SessionEndedException();
        }
        var result = await admin.SendAsync<T>(method, path, body, token.Token, idempotencyKey, ct);
        if (result.Problem is { Status: StatusCodes.Status401Unauthorized })
        {
            var renewed = await sessions.AccessTokenAsync(current.Session, ct, refuseCurrent: true);
            if (renewed.Problem is { } unavailable)
            {
                return unavailable;
            }
            if (!renewed.SessionEnded)
            {
                result = await admin.SendAsync<T>(method, path, body, renewed.Token, idempotencyKey, ct);
            }
        }
        if (result.Problem is { Status: StatusCodes.Status401Unauthorized })
        {
            await sessions.EndAsync(current.Session, ct);
            throw new SessionEndedException();
        }
        return result;
    }
}
