using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CultureHealth.ServiceDefaults.Auth;

/// <param name="SecurityStamp">The account's current stamp; admin refuses a token whose stamp is no longer current.</param>
public sealed record StaffIdentity(Guid Id, string Email, string Name, IReadOnlyList<string> Roles, Guid? PractitionerId = null, string? SecurityStamp = null);

public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt);

/// <summary>Signs staff access tokens with admin's active private key (ES256; the key id goes in the header).</summary>
public sealed class StaffTokenIssuer([FromKeyedServices(StaffTokens.Section)] SigningKeyRing keys)
{
    public IssuedToken Issue(StaffIdentity staff)
    {
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
        if (staff.SecurityStamp is { } stamp)
        {
            claims.Add(new Claim(StaffClaims.SecurityStamp, stamp));
        }
        var token = keys.Sign(claims);
        return new IssuedToken(token.Token, token.ExpiresAt);
    }
}
