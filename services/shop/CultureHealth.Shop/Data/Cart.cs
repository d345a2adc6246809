using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Shop.Data;

/// <summary>
/// A guest basket. Its id is the SHA-256 hash of the token the storefront holds, so a leaked database does
/// not hand out live carts.
/// </summary>
public sealed class Cart
{
    public string Id { get; set; } = "";
    public string? CouponCode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Pushed forward on every use: carts expire after inactivity, not after a fixed life.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Set when the cart became an order; a checked-out cart cannot be changed or used again.</summary>
    public Guid? OrderId { get; set; }

    public List<CartItem> Items { get; set; } = [];
}

public sealed class CartItem
{
    public string CartId { get; set; } = "";
    public Guid ProductId { get; set; }
    public Product? Product { get; set; }
    public int Quantity { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

internal sealed class CartConfiguration : IEntityTypeConfiguration<Cart>
{
    public void Configure(EntityTypeBuilder<Cart> e)
    {
        e.ToTable("carts");
        e.HasKey(c => c.Id);
        e.Property(c => c.Id).HasMaxLength(64);
        e.Property(c => c.CouponCode).HasMaxLength(32);
        e.HasIndex(c => c.ExpiresAt);
        e.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CartId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CartItemConfiguration : IEntityTypeConfiguration<CartItem>
{
    public void Configure(EntityTypeBuilder<CartItem> e)
    {
        e.ToTable("cart_items", t => t.HasCheckConstraint("ck_cart_items_quantity_positive", "quantity > 0"));
        e.HasKey(i => new { i.CartId, i.ProductId });
        e.HasOne(i => i.Product).WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}
