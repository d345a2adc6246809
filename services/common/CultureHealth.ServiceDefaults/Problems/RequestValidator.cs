using System.Net.Mail;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.ServiceDefaults.Problems;

/// <summary>
/// Collects every field error of a request at once, so a client fixes them in one round trip.
/// <code>var v = new RequestValidator(); v.Required("email", r.Email).Email("email", r.Email); if (v.Failed) return v.Problem();</code>
/// </summary>
public sealed class RequestValidator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Failed => _errors.Count > 0;
    public IReadOnlyDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public RequestValidator Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public RequestValidator Require(bool condition, string field, string message) => condition ? this : Add(field, message);

    public RequestValidator Required(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, "Required.");
        }
        return value.Length > maxLength ? Add(field, $"At most {maxLength} characters.") : this;
    }

    public RequestValidator Optional(string field, string? value, int maxLength) =>
        value is not null && value.Length > maxLength ? Add(field, $"At most {maxLength} characters.") : this;

    public RequestValidator Email(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, "Required.");
        }
        return IsEmail(value) ? this : Add(field, "Not a valid email address.");
    }

    public RequestValidator Range(string field, long value, long min, long max) =>
        value < min || value > max ? Add(field, $"Must be between {min} and {max}.") : this;

    public static bool IsEmail(string value)
    {
        if (value.Length > 254 || value.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }
        try
        {
            var address = new MailAddress(value);
            return address.Address == value && address.Host.Contains('.', StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public ValidationProblem Problem(string title = "The request has invalid fields") =>
        TypedResults.ValidationProblem(Errors, title: title);
}
