using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CultureHealth.Shop.Data.Migrations
{
    /// <inheritdoc />
    public partial class GiftVoucherCodeHashesAndVoids : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "code_hash",
                table: "gift_vouchers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "code_last_four",
                table: "gift_vouchers",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            // Existing clear codes become their hash (GiftVoucherCode.Hash: SHA-256 of the grouped upper-case
            // form) and last four symbols; then the clear column goes.
            migrationBuilder.Sql("""
                UPDATE gift_vouchers
                SET code_hash = encode(sha256(convert_to(code, 'UTF8')), 'hex'),
                    code_last_four = right(code, 4);
                """);

            migrationBuilder.AlterColumn<string>(
                name: "code_hash",
                table: "gift_vouchers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false);

            migrationBuilder.AlterColumn<string>(
                name: "code_last_four",
                table: "gift_vouchers",
                type: "character varying(4)",
                maxLength: 4,
                nullable: false);

            migrationBuilder.DropIndex(
                name: "ix_gift_vouchers_code",
                table: "gift_vouchers");

            migrationBuilder.DropColumn(
                name: "code",
                table: "gift_vouchers");

            migrationBuilder.DropCheckConstraint(
                name: "ck_gift_vouchers_balance",
                table: "gift_vouchers");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "voided_at",
                table: "gift_vouchers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "voided_pence",
                table: "gift_vouchers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "override_reason",
                table: "refunds",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "spent_voucher_pence",
                table: "refunds",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddCheckConstraint(
                name: "ck_refunds_override_has_reason",
                table: "refunds",
                sql: "spent_voucher_pence = 0 OR override_reason IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_gift_vouchers_code_hash",
                table: "gift_vouchers",
                column: "code_hash",
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_gift_vouchers_balance",
                table: "gift_vouchers",
                sql: "balance_pence >= 0 AND voided_pence >= 0 AND balance_pence + voided_pence <= initial_balance_pence");
        }

        /// <inheritdoc />
        /// <remarks>One way only: the clear codes are gone, and bringing the column back would invite storing them again.</remarks>
        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException("Gift voucher codes are kept only as hashes; this migration cannot be undone.");
    }
}
