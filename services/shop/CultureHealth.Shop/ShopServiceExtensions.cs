using CultureHealth.Messaging;
using CultureHealth.Messaging.Data;
using CultureHealth.Messaging.Idempotency;
using CultureHealth.ServiceDefaults.Options;
using CultureHealth.ServiceDefaults.Patients;
using CultureHealth.Shop.Application.PatientData;
using CultureHealth.Shop.Messaging;
using CultureHealth.ServiceDefaults.Secrets;
using CultureHealth.Shop.Api;
using CultureHealth.Shop.Api.Manage;
using CultureHealth.Shop.Application.Carts;
using CultureHealth.Shop.Application.Catalogue;
using CultureHealth.Shop.Application.Checkout;
using CultureHealth.Shop.Application.Coupons;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using CultureHealth.Shop.Application.Orders;
using CultureHealth.Shop.Application.Payments;
using CultureHealth.Shop.Application.Stock;
using CultureHealth.Shop.Telemetry;
using Microsoft.Extensions.Options;

namespace CultureHealth.Shop;

public static class ShopServiceExtensions
{
    public static IHostApplicationBuilder AddShop(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ShopOptions>(ShopOptions.Section);
        builder.AddServiceDatabase<ShopDbContext>("shop");
        builder.Services.AddScoped<IDemoDataSeeder<ShopDbContext>, ShopDemoData>();
        builder.AddServiceMessaging<ShopDbContext>("shop", bus => bus.AddConsumer<PatientErasureRequestedConsumer>());
        builder.AddIdempotency<ShopDbContext>();
        builder.AddEventSecrets();
        builder.AddPatientAuthentication();
        builder.Services.AddScoped<ShopPatientDataService>();
        builder.AddValidatedOptions<OrderRetentionOptions>(OrderRetentionOptions.Section);
        builder.Services.AddHostedService<OrderRetention>();

        builder.Services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ShopOptions>>().Value;
            return new PriceCalculator(
                new ShippingPolicy(o.ShippingFlatRatePence, o.FreeShippingFromPence),
                new CartLimits(maxQuantityPerLine: o.MaxQuantityPerLine));
        });
        builder.Services.AddSingleton<ShopMetrics>();
        builder.Services.AddSingleton<TestPaymentProvider>();
        builder.Services.AddSingleton<IPaymentProvider>(sp => sp.GetRequiredService<TestPaymentProvider>());
        builder.Services.AddScoped<CartStore>();
        builder.Services.AddScoped<CartQuoter>();
        builder.Services.AddScoped<CartChanges>();
        builder.Services.AddScoped<ProductCatalogue>();
        builder.Services.AddScoped<StaffProducts>();
        builder.Services.AddScoped<StaffCoupons>();
        builder.Services.AddScoped<StockLedger>();
        builder.Services.AddScoped<StaffStockAdjustments>();
        builder.Services.AddSingleton<OrderFactory>();
        builder.Services.AddScoped<CheckoutLocks>();
        builder.Services.AddSingleton<CheckoutGate>();
        builder.Services.AddScoped<CheckoutService>();
        builder.Services.AddScoped<UnpaidOrderLimits>();
        builder.Services.AddScoped<PaymentService>();
        builder.Services.AddScoped<PaymentWebhooks>();
        builder.Services.AddScoped<OrderCancellation>();
        builder.Services.AddScoped<OrderRefunds>();
        builder.Services.AddScoped<OrderQueries>();
        builder.Services.AddScoped<StaffOrderQueries>();
        builder.Services.AddScoped<StaffOrderChanges>();
        builder.Services.AddScoped<StaffGiftVouchers>();
        builder.Services.AddScoped<PatientOrders>();
        builder.Services.AddHostedService<PendingOrderSweeper>();
        builder.Services.AddOutputCache(CatalogueCache.Configure);
        return builder;
    }

    public static WebApplication MapShopApi(this WebApplication app)
    {
        app.UseOutputCache();
        app.MapProductApi();
        app.MapCartApi();
        app.MapCheckoutApi();
        app.MapOrderApi();
        app.MapPatientOrderApi();
        app.MapPaymentWebhookApi();
        app.MapShopManagementApi();
        app.MapPatientDataApi();
        return app;
    }
}
