namespace CultureHealth.Calendar;

/// <summary>iTIP methods (RFC 5546) used for single-event emails.</summary>
public enum IcsMethod
{
    Request,
    Cancel,
}
