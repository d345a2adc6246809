namespace CultureHealth.Shop.Api;

internal static class Paging
{
    public const int MaxPageSize = 100;

    /// <summary>Out-of-range paging is clamped rather than refused: a storefront link should never 400.</summary>
    public static (int Page, int PageSize) Normalise(int? page, int? pageSize, int defaultSize = 24) =>
        (Math.Clamp(page ?? 1, 1, 10_000), Math.Clamp(pageSize ?? defaultSize, 1, MaxPageSize));
}
