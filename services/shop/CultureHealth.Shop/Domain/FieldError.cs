namespace CultureHealth.Shop.Domain;

/// <summary>An input the domain refuses, named the way the API names it (e.g. "lines[2].quantity").</summary>
public sealed record FieldError(string Field, string Message);
