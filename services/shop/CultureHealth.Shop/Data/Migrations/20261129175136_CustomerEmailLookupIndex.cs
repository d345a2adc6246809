using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CultureHealth.Shop.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomerEmailLookupIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A patient's own orders are found by Trim().ToLower() of customer_email; EF has no expression indexes, so this one is SQL
            // (the model does not know it, and has no change pending for it).
            // The expression is EF's translation of Trim().ToLower() exactly (btrim of C#'s whitespace characters): an index on
            // lower(trim(...)) would not match it and the planner would not use it (the EXPLAIN tests show which it uses).
            migrationBuilder.Sql("CREATE INDEX ix_orders_customer_email_lookup ON orders (lower(btrim(customer_email, E' \\t\\n\\r')));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_orders_customer_email_lookup;");
        }
    }
}
