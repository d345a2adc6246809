using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CultureHealth.Shop.Data.Migrations
{
    /// <inheritdoc />
    public partial class UnpaidOrderHoldClientAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "hold_client_address",
                table: "orders",
                type: "character varying(45)",
                maxLength: 45,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_hold_client_address",
                table: "orders",
                column: "hold_client_address",
                filter: "hold_client_address IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_hold_client_address",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "hold_client_address",
                table: "orders");
        }
    }
}
