using System.ComponentModel.DataAnnotations;

namespace CultureHealth.Storefront;

/// <summary>The clinic's public details ("Clinic" section): shown on the home page, footer and in JSON-LD.</summary>
public sealed class ClinicOptions
{
    public const string Section = "Clinic";

    [Required] public string Name { get; set; } = "";
    [Required] public string Telephone { get; set; } = "";
    [Required, EmailAddress] public string Email { get; set; } = "";
    [Required] public string StreetAddress { get; set; } = "";
    [Required] public string Locality { get; set; } = "";
    [Required] public string PostalCode { get; set; } = "";
    [Required] public string Country { get; set; } = "GB";
    public string? Description { get; set; }

    /// <summary>Opening hours, one line per set of days, e.g. { Days: ["Monday", ...], Opens: "08:00", Closes: "20:00" }.</summary>
    [MinLength(1)]
    public List<OpeningHours> Hours { get; set; } = [];
}

public sealed class OpeningHours
{
    [MinLength(1)] public List<DayOfWeek> Days { get; set; } = [];
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }

    /// <summary>"Mon–Fri" for a run of days, "Sat" for one.</summary>
    public string DaysLabel => Days.Count switch
    {
        0 => "",
        1 => Short(Days[0]),
        _ => $"{Short(Days[0])}–{Short(Days[^1])}",
    };

    private static string Short(DayOfWeek day) => day.ToString()[..3];
}
