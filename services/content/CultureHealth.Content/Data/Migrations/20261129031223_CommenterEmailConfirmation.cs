using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CultureHealth.Content.Data.Migrations
{
    /// <inheritdoc />
    public partial class CommenterEmailConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "commenter_emails",
                columns: table => new
                {
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    first_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    confirmation_token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    confirmation_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    confirmation_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commenter_emails", x => x.email);
                });

            migrationBuilder.CreateIndex(
                name: "ix_commenter_emails_confirmation_token_hash",
                table: "commenter_emails",
                column: "confirmation_token_hash",
                unique: true,
                filter: "confirmation_token_hash IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commenter_emails");
        }
    }
}
