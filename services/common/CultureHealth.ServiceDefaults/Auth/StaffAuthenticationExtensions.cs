using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CultureHealth.ServiceDefaults.Auth;

public static class StaffAuthenticationExtensions
{
    public static IHostApplicationBuilder AddStaffAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StaffTokenOptions>()
            .Bind(builder.Configuration.GetSection(StaffTokenOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StaffTokenOptions>, StaffTokenOptionsValidator>();
        builder.Services.AddSingleton<StaffTokenIssuer>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<StaffTokenOptions>>((jwt, staff) =>
            {
                var o = staff.Value;
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = o.Issuer,
                    ValidAudience = o.Audience,
                    IssuerSigningKeys = SigningKeys(o),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = StaffClaims.Email,
                    RoleClaimType = StaffClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
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

    internal static IEnumerable<SecurityKey> SigningKeys(StaffTokenOptions options) =>
        options.SigningKeys.Select(k => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(k.Secret)) { KeyId = k.Id }).ToList();
}
