using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CultureHealth.ServiceDefaults.Auth;

/// <summary>Staff tokens: issued by admin only (private keys), verified everywhere with public keys.</summary>
public static class StaffTokens
{
    /// <summary>Configuration section of the staff token keys (see <see cref="JwtKeyOptions"/>).</summary>
    public const string Section = "StaffAuth";
    public const string Issuer = "culturehealth-admin";
    public const string Audience = "culturehealth";

    public static void Defaults(JwtKeyOptions options)
    {
        options.Issuer = Issuer;
        options.Audience = Audience;
    }
}

public static class StaffAuthenticationExtensions
{
    /// <summary>Every process: validates staff tokens (ES256, public keys from StaffAuth) and defines the role policies.</summary>
    public static IHostApplicationBuilder AddStaffAuthentication(this IHostApplicationBuilder builder)
    {
        builder.AddJwtKeys(StaffTokens.Section, StaffTokens.Defaults);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtKeyRingBearer(JwtBearerDefaults.AuthenticationScheme, StaffTokens.Section, tvp =>
            {
                tvp.NameClaimType = StaffClaims.Email;
                tvp.RoleClaimType = StaffClaims.Role;
            });

        builder.Services.AddAuthorizationBuilder().AddStaffPolicies();
        return builder;
    }

    /// <summary>The role policies, for any way a staff member is signed in (a bearer token, or the back office's session).</summary>
    public static AuthorizationBuilder AddStaffPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(StaffPolicies.AnyStaff, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.All))
        .AddPolicy(StaffPolicies.Admin, p => p.RequireRole(StaffRoles.Admin))
        .AddPolicy(StaffPolicies.Editor, p => p.RequireRole(StaffRoles.Editor, StaffRoles.Admin))
        .AddPolicy(StaffPolicies.ShopManager, p => p.RequireRole(StaffRoles.ShopManager, StaffRoles.Admin))
        .AddPolicy(StaffPolicies.Diary, p => p.RequireRole(StaffRoles.Reception, StaffRoles.Practitioner, StaffRoles.Admin));

    /// <summary>Admin only: holds the staff signing keys (required at start-up) and signs staff tokens.</summary>
    public static IHostApplicationBuilder AddStaffTokenIssuer(this IHostApplicationBuilder builder)
    {
        builder.AddSigningKeyRing(StaffTokens.Section, StaffTokens.Defaults);
        builder.Services.AddSingleton<StaffTokenIssuer>();
        return builder;
    }
}
