using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CultureHealth.ServiceDefaults.Auth;

public sealed record StaffIdentity(Guid Id, string Email, string Name, IReadOnlyList<string> Roles, Guid? PractitionerId = null);

public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt);

/// <summary>Signs staff access tokens with the active key; the key id goes in the header for rotation.</summary>
public sealed class StaffTokenIssuer(IOptions<StaffTokenOptions> options, TimeProvider clock)
{
    private readonly JwtSecurityTokenHandler _handler = new() { MapInboundClaims = false };

    public IssuedToken Issue(StaffIdentity staff)
    {
        var o = options.Value;
        var key = o.ActiveKeyId is null ? o.SigningKeys[0] : o.SigningKeys.Single(k => k.Id == o.ActiveKeyId);
        var credentials = new SigningCredentials(
            new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key.Secret)) { KeyId = key.Id }, SecurityAlgorithms.HmacSha256);

        var now = clock.GetUtcNow();
        var expires = now + o.AccessTokenLifetime;
        var claims = new List<Claim>
        {
            new(StaffClaims.Subject, staff.Id.ToString()),
            new(StaffClaims.Email, staff.Email),
            new(StaffClaims.Name, staff.Name),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        claims.AddRange(staff.Roles.Select(r => new Claim(StaffClaims.Role, r)));
        if (staff.PractitionerId is { } practitionerId)
        {
            claims.Add(new Claim(StaffClaims.PractitionerId, practitionerId.ToString()));
        }

        var token = new JwtSecurityToken(o.Issuer, o.Audience, claims, now.UtcDateTime, expires.UtcDateTime, credentials);
        return new IssuedToken(_handler.WriteToken(token), expires);
    }
}
