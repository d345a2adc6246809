using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace CultureHealth.Booking.Data.Migrations
{
    /// <inheritdoc />
    public partial class Rooms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "room_id",
                table: "bookings",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "room_kind",
                table: "appointment_types",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "rooms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rooms", x => x.id);
                    table.CheckConstraint("ck_rooms_kind", "kind ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
                });

            migrationBuilder.CreateTable(
                name: "room_closures",
                columns: table => new
                {
                    room_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<LocalDate>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_room_closures", x => new { x.room_id, x.date });
                    table.ForeignKey(
                        name: "fk_room_closures_rooms_room_id",
                        column: x => x.room_id,
                        principalTable: "rooms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_room_id_start",
                table: "bookings",
                columns: new[] { "room_id", "start" });

            migrationBuilder.CreateIndex(
                name: "ix_appointment_types_room_kind",
                table: "appointment_types",
                column: "room_kind");

            migrationBuilder.CreateIndex(
                name: "ix_room_closures_date",
                table: "room_closures",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_rooms_kind_name",
                table: "rooms",
                columns: new[] { "kind", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_rooms_name",
                table: "rooms",
                column: "name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_bookings_rooms_room_id",
                table: "bookings",
                column: "room_id",
                principalTable: "rooms",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // A room, like a practitioner, is never in two bookings at once: the same footprint (buffers included) and the
            // same statuses (a guest's pending booking holds its room as it holds its practitioner). Bookings without a room
            // (NULL) are outside it.
            migrationBuilder.Sql("""
                ALTER TABLE bookings ADD CONSTRAINT ex_bookings_no_room_overlap
                EXCLUDE USING gist (room_id WITH =, footprint WITH &&) WHERE (room_id IS NOT NULL AND status IN ('pending', 'confirmed'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE bookings DROP CONSTRAINT ex_bookings_no_room_overlap;");

            migrationBuilder.DropForeignKey(
                name: "fk_bookings_rooms_room_id",
                table: "bookings");

            migrationBuilder.DropTable(
                name: "room_closures");

            migrationBuilder.DropTable(
                name: "rooms");

            migrationBuilder.DropIndex(
                name: "ix_bookings_room_id_start",
                table: "bookings");

            migrationBuilder.DropIndex(
                name: "ix_appointment_types_room_kind",
                table: "appointment_types");

            migrationBuilder.DropColumn(
                name: "room_id",
                table: "bookings");

            migrationBuilder.DropColumn(
                name: "room_kind",
                table: "appointment_types");
        }
    }
}
