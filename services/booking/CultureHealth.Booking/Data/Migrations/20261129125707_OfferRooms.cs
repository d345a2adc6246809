using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CultureHealth.Booking.Data.Migrations
{
    /// <inheritdoc />
    public partial class OfferRooms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "room_id",
                table: "waitlist_offers",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_waitlist_offers_room_id",
                table: "waitlist_offers",
                column: "room_id");

            migrationBuilder.AddForeignKey(
                name: "fk_waitlist_offers_rooms_room_id",
                table: "waitlist_offers",
                column: "room_id",
                principalTable: "rooms",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // A live offer of a room-needing type holds its room as a booking does: no two live offers may overlap in one
            // room, whatever the code does. (An offer against a booking is kept apart by the room kind's lock: a
            // constraint cannot see across the two tables.)
            migrationBuilder.Sql("""
                ALTER TABLE waitlist_offers ADD CONSTRAINT ex_waitlist_offers_live_no_room_overlap
                EXCLUDE USING gist (room_id WITH =, footprint WITH &&) WHERE (room_id IS NOT NULL AND status = 'live');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE waitlist_offers DROP CONSTRAINT ex_waitlist_offers_live_no_room_overlap;");

            migrationBuilder.DropForeignKey(
                name: "fk_waitlist_offers_rooms_room_id",
                table: "waitlist_offers");

            migrationBuilder.DropIndex(
                name: "ix_waitlist_offers_room_id",
                table: "waitlist_offers");

            migrationBuilder.DropColumn(
                name: "room_id",
                table: "waitlist_offers");
        }
    }
}
