using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CultureHealth.Shop.Data.Migrations
{
    /// <summary>
    /// Idempotency records become the shared, sealed kind (services/common Idempotency): the old rows held each
    /// checkout's order token in clear and cannot be sealed without the clients' keys, so they are dropped (a retry
    /// of a checkout made before the upgrade is a new request). Payments keep the key's hash, not the key.
    /// </summary>
    public partial class SealedIdempotencyRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "idempotency_records");

            migrationBuilder.CreateTable(
                name: "idempotency_records",
                columns: table => new
                {
                    operation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    key_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sealed_outcome = table.Column<byte[]>(type: "bytea", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                },
                constraints: table => table.PrimaryKey("pk_idempotency_records", x => new { x.operation, x.key_hash }));

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_records_expires_at",
                table: "idempotency_records",
                column: "expires_at");

            migrationBuilder.DropIndex(name: "ix_payments_order_id_idempotency_key", table: "payments");
            migrationBuilder.RenameColumn(name: "idempotency_key", table: "payments", newName: "idempotency_key_hash");
            // The hash an anonymous caller's key gets (IdempotencyKey.HashFor(null)): SHA-256 of "0:" and the key.
            migrationBuilder.Sql(
                "UPDATE payments SET idempotency_key_hash = encode(sha256(convert_to('0:' || idempotency_key_hash, 'UTF8')), 'hex')");
            migrationBuilder.AlterColumn<string>(
                name: "idempotency_key_hash",
                table: "payments",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);
            migrationBuilder.CreateIndex(
                name: "ix_payments_order_id_idempotency_key_hash",
                table: "payments",
                columns: new[] { "order_id", "idempotency_key_hash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Hashes cannot be turned back into keys: payments keep them in the old column.
            migrationBuilder.DropIndex(name: "ix_payments_order_id_idempotency_key_hash", table: "payments");
            migrationBuilder.AlterColumn<string>(
                name: "idempotency_key_hash",
                table: "payments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);
            migrationBuilder.RenameColumn(name: "idempotency_key_hash", table: "payments", newName: "idempotency_key");
            migrationBuilder.CreateIndex(
                name: "ix_payments_order_id_idempotency_key",
                table: "payments",
                columns: new[] { "order_id", "idempotency_key" },
                unique: true);

            migrationBuilder.DropTable(name: "idempotency_records");
            migrationBuilder.CreateTable(
                name: "idempotency_records",
                columns: table => new
                {
                    scope = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    response_status = table.Column<int>(type: "integer", nullable: false),
                    response_body = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                },
                constraints: table => table.PrimaryKey("pk_idempotency_records", x => new { x.scope, x.key }));
            migrationBuilder.CreateIndex(
                name: "ix_idempotency_records_created_at",
                table: "idempotency_records",
                column: "created_at");
        }
    }
}
