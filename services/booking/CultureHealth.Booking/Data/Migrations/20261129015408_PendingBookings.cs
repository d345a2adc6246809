using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace CultureHealth.Booking.Data.Migrations
{
    /// <inheritdoc />
    public partial class PendingBookings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_bookings_status",
                table: "bookings");

            migrationBuilder.CreateTable(
                name: "pending_confirmations",
                columns: table => new
                {
                    booking_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    client_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    expires_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pending_confirmations", x => x.booking_id);
                    table.ForeignKey(
                        name: "fk_pending_confirmations_bookings_booking_id",
                        column: x => x.booking_id,
                        principalTable: "bookings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_bookings_status",
                table: "bookings",
                sql: "status IN ('confirmed', 'cancelled', 'completed', 'no_show', 'pending', 'expired')");

            migrationBuilder.CreateIndex(
                name: "ix_pending_confirmations_client_address",
                table: "pending_confirmations",
                column: "client_address");

            migrationBuilder.CreateIndex(
                name: "ix_pending_confirmations_email",
                table: "pending_confirmations",
                column: "email");

            migrationBuilder.CreateIndex(
                name: "ix_pending_confirmations_expires_at",
                table: "pending_confirmations",
                column: "expires_at");

            // A pending booking holds its slot like a confirmed one: the constraint now counts both, so a guest's
            // unconfirmed booking can never be double-booked over, nor overlap a confirmed one.
            migrationBuilder.Sql("""
                ALTER TABLE bookings DROP CONSTRAINT ex_bookings_no_overlap;
                ALTER TABLE bookings ADD CONSTRAINT ex_bookings_no_overlap
                EXCLUDE USING gist (practitioner_id WITH =, footprint WITH &&) WHERE (status IN ('pending', 'confirmed'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE bookings SET status = 'cancelled', cancelled_by = 'unconfirmed' WHERE status IN ('pending', 'expired');
                ALTER TABLE bookings DROP CONSTRAINT ex_bookings_no_overlap;
                ALTER TABLE bookings ADD CONSTRAINT ex_bookings_no_overlap
                EXCLUDE USING gist (practitioner_id WITH =, footprint WITH &&) WHERE (status = 'confirmed');
                """);

            migrationBuilder.DropTable(
                name: "pending_confirmations");

            migrationBuilder.DropCheckConstraint(
                name: "ck_bookings_status",
                table: "bookings");

            migrationBuilder.AddCheckConstraint(
                name: "ck_bookings_status",
                table: "bookings",
                sql: "status IN ('confirmed', 'cancelled', 'completed', 'no_show')");
        }
    }
}
