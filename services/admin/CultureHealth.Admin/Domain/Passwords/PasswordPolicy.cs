namespace CultureHealth.Admin.Domain.Passwords;

/// <summary>
/// What a staff password must be (NIST SP 800-63B style: length and a breached-password check, no composition
/// rules): at least the minimum length, not one of the commonly used passwords (nor one of them with digits or
/// symbols stuck on either end), not a run of a few repeated characters, and not containing the email's name part.
/// </summary>
public sealed class PasswordPolicy(int minimumLength, CommonPasswords common)
{
    public const int MaximumLength = 200;

    /// <summary>Why the password is refused, worded for the person choosing it; empty when it is acceptable.</summary>
    public IReadOnlyList<string> Problems(string password, string email)
    {
        var problems = new List<string>();
        if (password.Length < minimumLength)
        {
            problems.Add($"At least {minimumLength} characters; a few unrelated words make a long password easy to remember.");
        }
        if (password.Length > MaximumLength)
        {
            problems.Add($"At most {MaximumLength} characters.");
        }
        var lower = password.ToLowerInvariant();
        if (common.Contains(lower) || common.Contains(lower.Trim(NotLetters)))
        {
            problems.Add("This password is on a list of commonly used or breached passwords; choose another.");
        }
        else if (lower.Distinct().Count() < 4)
        {
            problems.Add("Use more than a few different characters.");
        }
        var localPart = email.Split('@')[0].ToLowerInvariant();
        if (localPart.Length >= 3 && lower.Contains(localPart, StringComparison.Ordinal))
        {
            problems.Add("The password must not contain your email address or its name part.");
        }
        return problems;
    }

    private static readonly char[] NotLetters = [.. "0123456789!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ "];
}
