using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace CultureHealth.ServiceDefaults.Auth;

/// <summary>
/// The public keys a verifier trusts for one issuer: those in configuration (PEM), the public halves of its own
/// signing keys if it is the issuer, and those in the issuer's JWKS when a URL is set. The JWKS is fetched on
/// first use, again in the background when older than <see cref="JwtKeyOptions.JwksRefreshInterval"/>, and at
/// once when a token names a key id we do not know (a rotation), at most once per
/// <see cref="JwtKeyOptions.JwksMinimumRefreshInterval"/>. A failed fetch keeps the keys we had.
/// </summary>
public sealed partial class VerificationKeys
{
    public const string HttpClientName = "jwks";

    private readonly JwtKeyOptions _options;
    private readonly IHttpClientFactory _http;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<SecurityKey> _configured;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile IReadOnlyList<SecurityKey> _current;
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _attemptedAt = DateTimeOffset.MinValue;

    public VerificationKeys(JwtKeyOptions options, IHttpClientFactory http, TimeProvider clock, ILogger<VerificationKeys> logger)
    {
        _options = options;
        _http = http;
        _clock = clock;
        _logger = logger;
        _configured = options.PublicKeys.Select(EcdsaKeys.LoadPublic)
            .Concat(options.SigningKeys.Select(k => EcdsaKeys.PublicHalf(EcdsaKeys.LoadPrivate(k))))
            .ToList<SecurityKey>();
        _current = _configured;
    }

    public IReadOnlyList<SecurityKey> Current => _current;

    /// <summary>Makes sure the key a token names is known if the issuer publishes it; call before validating.</summary>
    public async ValueTask EnsureAsync(string? keyId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(_options.JwksUrl))
        {
            return;
        }
        var known = keyId is not null && _current.Any(k => k.KeyId == keyId);
        var stale = _clock.GetUtcNow() - _fetchedAt >= _options.JwksRefreshInterval;
        if (known && stale)
        {
            // Known key: answer now, refresh behind the request.
            _ = Task.Run(() => RefreshAsync(keyId: null, CancellationToken.None), CancellationToken.None);
        }
        else if (!known)
        {
            await RefreshAsync(keyId, ct);
        }
    }

    private async Task RefreshAsync(string? keyId, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var now = _clock.GetUtcNow();
            if (keyId is not null && _current.Any(k => k.KeyId == keyId))
            {
                return; // another request fetched it while we waited
            }
            if (now - _attemptedAt < _options.JwksMinimumRefreshInterval)
            {
                return;
            }
            _attemptedAt = now;
            try
            {
                var document = await _http.CreateClient(HttpClientName).GetFromJsonAsync<JwksDocument>(_options.JwksUrl, ct);
                var fetched = (document?.Keys ?? []).Select(EcdsaKeys.FromJwk).OfType<SecurityKey>().ToList();
                _current = [.. _configured, .. fetched];
                _fetchedAt = now;
                LogFetched(_logger, _options.Issuer, fetched.Count, string.Join(",", fetched.Select(k => k.KeyId)));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or NotSupportedException)
            {
                LogFetchFailed(_logger, _options.Issuer, _options.JwksUrl!, e);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {Count} verification keys of issuer {Issuer}: {KeyIds}")]
    private static partial void LogFetched(ILogger logger, string issuer, int count, string keyIds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch the keys of issuer {Issuer} from {JwksUrl}; keeping the keys we had")]
    private static partial void LogFetchFailed(ILogger logger, string issuer, string jwksUrl, Exception exception);
}
