namespace CultureHealth.Shop.Domain;

/// <summary>Either a priced basket or every reason it could not be priced, so a client can fix them all at once.</summary>
public sealed record PricingResult
{
    private PricingResult(CartPricing? pricing, IReadOnlyList<FieldError> errors)
    {
        Pricing = pricing;
        Errors = errors;
    }

    public CartPricing? Pricing { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    public bool IsValid => Pricing is not null;

    public static PricingResult Success(CartPricing pricing) => new(pricing, []);

    public static PricingResult Failure(IReadOnlyList<FieldError> errors)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failed pricing needs at least one error.", nameof(errors));
        }

        return new PricingResult(null, errors);
    }
}
