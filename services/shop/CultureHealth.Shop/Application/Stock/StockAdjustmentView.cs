namespace CultureHealth.Shop.Application.Stock;

/// <summary>One staff stock change as the ledger recorded it.</summary>
public sealed record StockAdjustmentView(Guid ProductId, string Sku, int Delta, int StockAfter, string Reason, string Actor, DateTimeOffset At);
