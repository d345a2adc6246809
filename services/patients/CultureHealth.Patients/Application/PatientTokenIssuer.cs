using System.Security.Claims;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Patients;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CultureHealth.Patients.Application;

/// <summary>
/// Signs patient access tokens with the shared key ring ("PatientAuth" section: ES256, key ids, one active key):
/// issuer culturehealth-patients, audience culturehealth, the patient's id and the address just proven.
/// </summary>
public sealed class PatientTokenIssuer([FromKeyedServices(PatientTokens.Section)] SigningKeyRing ring)
{
    public SignedToken Issue(Guid patientId, string normalizedEmail) => ring.Sign(
    [
        new Claim(PatientClaims.Subject, patientId.ToString()),
        new Claim(PatientClaims.Email, normalizedEmail),
        new Claim(PatientClaims.EmailVerified, "true", ClaimValueTypes.Boolean),
        new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
    ]);
}
