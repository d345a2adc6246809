using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CultureHealth.Admin.Data.Migrations
{
    /// <inheritdoc />
    public partial class StaffSessionSecurity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "failed_sign_ins",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "locked_until",
                table: "staff_users");

            migrationBuilder.AddColumn<string>(
                name: "security_stamp",
                table: "staff_users",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "family_id",
                table: "refresh_tokens",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "session_started_at",
                table: "refresh_tokens",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "client_address",
                table: "audit_entries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            // Existing accounts get a stamp of their own; existing refresh tokens each start a family of one,
            // their session counted from when they were made (so the absolute lifetime applies to them too).
            migrationBuilder.Sql("UPDATE staff_users SET security_stamp = md5(random()::text || id::text);");
            migrationBuilder.Sql("UPDATE refresh_tokens SET family_id = id, session_started_at = created_at;");

            migrationBuilder.CreateTable(
                name: "sign_in_throttles",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    failures = table.Column<int>(type: "integer", nullable: false),
                    last_failure_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    blocked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_in_throttles", x => x.key);
                });

            migrationBuilder.CreateIndex(
                name: "ix_refresh_tokens_family_id",
                table: "refresh_tokens",
                column: "family_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sign_in_throttles");

            migrationBuilder.DropIndex(
                name: "ix_refresh_tokens_family_id",
                table: "refresh_tokens");

            migrationBuilder.DropColumn(
                name: "security_stamp",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "family_id",
                table: "refresh_tokens");

            migrationBuilder.DropColumn(
                name: "session_started_at",
                table: "refresh_tokens");

            migrationBuilder.DropColumn(
                name: "client_address",
                table: "audit_entries");

            migrationBuilder.AddColumn<int>(
                name: "failed_sign_ins",
                table: "staff_users",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "locked_until",
                table: "staff_users",
                type: "timestamp with time zone",
                nullable: true);
        }
    }
}
