using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CultureHealth.Booking.Data.Migrations
{
    /// <inheritdoc />
    public partial class Waitlist : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "waitlist_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    patient_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    patient_phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    appointment_type_id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    from_date = table.Column<LocalDate>(type: "date", nullable: false),
                    to_date = table.Column<LocalDate>(type: "date", nullable: false),
                    weekdays = table.Column<int>(type: "integer", nullable: false),
                    earliest_start = table.Column<LocalTime>(type: "time", nullable: false),
                    latest_start = table.Column<LocalTime>(type: "time", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    booking_id = table.Column<Guid>(type: "uuid", nullable: true),
                    joined_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_waitlist_entries", x => x.id);
                    table.CheckConstraint("ck_waitlist_entries_dates", "to_date >= from_date");
                    table.CheckConstraint("ck_waitlist_entries_status", "status IN ('waiting', 'booked', 'left')");
                    table.CheckConstraint("ck_waitlist_entries_times", "latest_start >= earliest_start");
                    table.CheckConstraint("ck_waitlist_entries_weekdays", "weekdays BETWEEN 1 AND 127");
                    table.ForeignKey(
                        name: "fk_waitlist_entries_appointment_types_appointment_type_id",
                        column: x => x.appointment_type_id,
                        principalTable: "appointment_types",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_waitlist_entries_practitioners_practitioner_id",
                        column: x => x.practitioner_id,
                        principalTable: "practitioners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "waitlist_openings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    practitioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    span = table.Column<Interval>(type: "tstzrange", nullable: false),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_waitlist_openings", x => x.id);
                    table.ForeignKey(
                        name: "fk_waitlist_openings_practitioners_practitioner_id",
                        column: x => x.practitioner_id,
                        principalTable: "practitioners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "waitlist_offers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    appointment_type_id = table.Column<Guid>(type: "uuid", nullable: false),
                    start = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    end = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    footprint = table.Column<Interval>(type: "tstzrange", nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    offered_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    booking_id = table.Column<Guid>(type: "uuid", nullable: true),
                    closed_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_waitlist_offers", x => x.id);
                    table.CheckConstraint("ck_waitlist_offers_status", "status IN ('live', 'taken', 'lapsed', 'withdrawn')");
                    table.ForeignKey(
                        name: "fk_waitlist_offers_bookings_booking_id",
                        column: x => x.booking_id,
                        principalTable: "bookings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_waitlist_offers_practitioners_practitioner_id",
                        column: x => x.practitioner_id,
                        principalTable: "practitioners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_waitlist_offers_waitlist_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "waitlist_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_waitlist_entries_appointment_type_id",
                table: "waitlist_entries",
                column: "appointment_type_id");

            migrationBuilder.CreateIndex(
                name: "ix_waitlist_entries_email_status",
                table: "waitlist_entries",
                columns: new[] { "email", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_waitlist_entries_position",
                table: "waitlist_entries",
                column: "position",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_waitlist_entries_practitioner_id",
                table: "waitlist_entries",
                column: "practitioner_id");

            migrationBuilder.CreateIndex(
                name: "ix_waitlist_entries_status_position",
                table: "waitlist_entries",
                columns: new[] { "status", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_waitlist_offers_booking_id",
                table: "waitlist_offers",
                column: "booking_id");

            migrationBuilder.CreateIndex(
                name: "ix_waitlist_offers_entry_id_practitioner_id_start",
                table: "waitlist_offers",
                columns: new[] { "entry_id", "practitioner_id", "start" });

            migrationBuilder.CreateIndex(
                name: "ix_waitlist_offers_practitioner_id",
                table: "waitlist_offers",
                column: "practitioner_id");

            migrationBuilder.CreateIndex(
                name: "ix_waitlist_offers_status_expires_at",
                table: "waitlist_offers",
                columns: new[] { "status", "expires_at" });

            migrationBuilder.CreateIndex(
                name: "ux_waitlist_offers_live_entry",
                table: "waitlist_offers",
                column: "entry_id",
                unique: true,
                filter: "status = 'live'");

            migrationBuilder.CreateIndex(
                name: "ix_waitlist_openings_practitioner_id",
                table: "waitlist_openings",
                column: "practitioner_id");

            // A live offer holds its slot for one patient: no two live offers may overlap in one diary, whatever
            // the code does (replicas, races). Closed offers (taken, lapsed, withdrawn) no longer hold anything.
            migrationBuilder.Sql("""
                ALTER TABLE waitlist_offers ADD CONSTRAINT ex_waitlist_offers_live_no_overlap
                EXCLUDE USING gist (practitioner_id WITH =, footprint WITH &&) WHERE (status = 'live');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "waitlist_offers");

            migrationBuilder.DropTable(
                name: "waitlist_openings");

            migrationBuilder.DropTable(
                name: "waitlist_entries");
        }
    }
}
