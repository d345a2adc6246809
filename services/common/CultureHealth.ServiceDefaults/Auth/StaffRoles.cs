namespace CultureHealth.ServiceDefaults.Auth;

public static class StaffRoles
{
    public const string Admin = "admin";
    public const string Editor = "editor";
    public const string Practitioner = "practitioner";
    public const string ShopManager = "shop-manager";
    public const string Reception = "reception";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, Practitioner, ShopManager, Reception];
}

/// <summary>Authorization policies; an admin may do everything another role may.</summary>
public static class StaffPolicies
{
    public const string AnyStaff = "staff";
    public const string Admin = "role:admin";
    public const string Editor = "role:editor";
    public const string ShopManager = "role:shop-manager";
    /// <summary>Reception desk and practitioners run the diary (practitioners only their own).</summary>
    public const string Diary = "role:diary";
}

/// <summary>Claim names in our staff tokens (short, JWT-registered where one exists).</summary>
public static class StaffClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Name = "name";
    public const string Role = "role";
    /// <summary>For practitioner accounts: the booking service's practitioner id.</summary>
    public const string PractitionerId = "practitioner_id";
    /// <summary>The account's security stamp when the token was issued; admin refuses tokens with an old one.</summary>
    public const string SecurityStamp = "sstamp";
}
