using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace CultureHealth.Booking.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gist", ",,");

            migrationBuilder.CreateTable(
                name: "appointment_types",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    buffer_before_minutes = table.Column<int>(type: "integer", nullable: false),
                    buffer_after_minutes = table.Column<int>(type: "integer", nullable: false),
                    price_pence = table.Column<long>(type: "bigint", nullable: false),
                    credits_can_pay = table.Column<bool>(type: "boolean", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appointment_types", x => x.id);
                    table.CheckConstraint("ck_appointment_types_buffers", "buffer_before_minutes >= 0 AND buffer_after_minutes >= 0");
                    table.CheckConstraint("ck_appointment_types_duration", "duration_minutes > 0");
                    table.CheckConstraint("ck_appointment_types_price", "price_pence >= 0");
                });

            migrationBuilder.CreateTable(
                name: "clinic_closures",
                columns: table => new
                {
                    date = table.Column<LocalDate>(type: "date", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clinic_closures", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.consumer, x.message_id });
                });

            migrationBuilder.CreateTable(
                name: "locations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_locations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    trace_parent = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    trace_state = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "session_credit_grants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    customer_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    appointment_type_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    granted = table.Column<int>(type: "integer", nullable: false),
                    remaining = table.Column<int>(type: "integer", nullable: false),
                    granted_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_credit_grants", x => x.id);
                    table.CheckConstraint("ck_session_credit_grants_remaining", "remaining >= 0 AND remaining <= granted");
                });

            migrationBuilder.CreateTable(
                name: "practitioners",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    title = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    specialisms = table.Column<List<string>>(type: "text[]", nullable: false),
                    bio = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    photo_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    location_id = table.Column<Guid>(type: "uuid", nullable: true),
                    calendar_key_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_practitioners", x => x.id);
                    table.ForeignKey(
                        name: "fk_practitioners_locations_location_id",
                        column: x => x.location_id,
                        principalTable: "locations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bookings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    appointment_type_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    start = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    end = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    footprint = table.Column<Interval>(type: "tstzrange", nullable: false),
                    price_pence = table.Column<long>(type: "bigint", nullable: false),
                    paid_by = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    credit_grant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    patient_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    patient_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    patient_phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    manage_token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    cancelled_by = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bookings", x => x.id);
                    table.CheckConstraint("ck_bookings_order", "\"end\" > start");
                    table.CheckConstraint("ck_bookings_paid_by", "paid_by IN ('clinic', 'credit')");
                    table.CheckConstraint("ck_bookings_status", "status IN ('confirmed', 'cancelled', 'completed', 'no_show')");
                    table.ForeignKey(
                        name: "fk_bookings_appointment_types_appointment_type_id",
                        column: x => x.appointment_type_id,
                        principalTable: "appointment_types",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bookings_credit_grants_credit_grant_id",
                        column: x => x.credit_grant_id,
                        principalTable: "session_credit_grants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bookings_practitioners_practitioner_id",
                        column: x => x.practitioner_id,
                        principalTable: "practitioners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "date_override_intervals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<LocalDate>(type: "date", nullable: false),
                    start = table.Column<LocalTime>(type: "time", nullable: true),
                    end = table.Column<LocalTime>(type: "time", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_date_override_intervals", x => x.id);
                    table.CheckConstraint("ck_date_override_intervals_times", "(start IS NULL AND \"end\" IS NULL) OR (start IS NOT NULL AND \"end\" IS NOT NULL AND \"end\" > start)");
                    table.ForeignKey(
                        name: "fk_date_override_intervals_practitioners_practitioner_id",
                        column: x => x.practitioner_id,
                        principalTable: "practitioners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "practitioner_appointment_types",
                columns: table => new
                {
                    practitioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    appointment_type_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_practitioner_appointment_types", x => new { x.practitioner_id, x.appointment_type_id });
                    table.ForeignKey(
                        name: "fk_practitioner_appointment_types_appointment_types_appointmen",
                        column: x => x.appointment_type_id,
                        principalTable: "appointment_types",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_practitioner_appointment_types_practitioners_practitioner_id",
                        column: x => x.practitioner_id,
                        principalTable: "practitioners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "time_off",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    start = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    end = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_time_off", x => x.id);
                    table.CheckConstraint("ck_time_off_order", "\"end\" > start");
                    table.ForeignKey(
                        name: "fk_time_off_practitioners_practitioner_id",
                        column: x => x.practitioner_id,
                        principalTable: "practitioners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "weekly_schedule_intervals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    practitioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<int>(type: "integer", nullable: false),
                    start = table.Column<LocalTime>(type: "time", nullable: false),
                    end = table.Column<LocalTime>(type: "time", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_weekly_schedule_intervals", x => x.id);
                    table.CheckConstraint("ck_weekly_schedule_intervals_day", "day BETWEEN 1 AND 7");
                    table.CheckConstraint("ck_weekly_schedule_intervals_order", "\"end\" > start");
                    table.ForeignKey(
                        name: "fk_weekly_schedule_intervals_practitioners_practitioner_id",
                        column: x => x.practitioner_id,
                        principalTable: "practitioners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_records",
                columns: table => new
                {
                    key_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    booking_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sealed_manage_token = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_records", x => x.key_hash);
                    table.ForeignKey(
                        name: "fk_idempotency_records_bookings_booking_id",
                        column: x => x.booking_id,
                        principalTable: "bookings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_appointment_types_code",
                table: "appointment_types",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bookings_appointment_type_id",
                table: "bookings",
                column: "appointment_type_id");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_credit_grant_id",
                table: "bookings",
                column: "credit_grant_id");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_patient_email",
                table: "bookings",
                column: "patient_email");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_practitioner_id_start",
                table: "bookings",
                columns: new[] { "practitioner_id", "start" });

            migrationBuilder.CreateIndex(
                name: "ix_date_override_intervals_practitioner_id_date",
                table: "date_override_intervals",
                columns: new[] { "practitioner_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_records_booking_id",
                table: "idempotency_records",
                column: "booking_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at_created_at",
                table: "outbox_messages",
                columns: new[] { "next_attempt_at", "created_at" },
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_practitioner_appointment_types_appointment_type_id",
                table: "practitioner_appointment_types",
                column: "appointment_type_id");

            migrationBuilder.CreateIndex(
                name: "ix_practitioners_location_id",
                table: "practitioners",
                column: "location_id");

            migrationBuilder.CreateIndex(
                name: "ix_session_credit_grants_customer_email_appointment_type_code",
                table: "session_credit_grants",
                columns: new[] { "customer_email", "appointment_type_code" });

            migrationBuilder.CreateIndex(
                name: "ix_session_credit_grants_order_id_appointment_type_code",
                table: "session_credit_grants",
                columns: new[] { "order_id", "appointment_type_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_time_off_practitioner_id_start",
                table: "time_off",
                columns: new[] { "practitioner_id", "start" });

            migrationBuilder.CreateIndex(
                name: "ix_weekly_schedule_intervals_practitioner_id_day",
                table: "weekly_schedule_intervals",
                columns: new[] { "practitioner_id", "day" });

            // No double booking, enforced by PostgreSQL: two confirmed bookings of one practitioner may not
            // have overlapping footprints (buffers included). Half-open ranges let back-to-back bookings touch.
            migrationBuilder.Sql("""
                ALTER TABLE bookings ADD CONSTRAINT ex_bookings_no_overlap
                EXCLUDE USING gist (practitioner_id WITH =, footprint WITH &&) WHERE (status = 'confirmed');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clinic_closures");

            migrationBuilder.DropTable(
                name: "date_override_intervals");

            migrationBuilder.DropTable(
                name: "idempotency_records");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "practitioner_appointment_types");

            migrationBuilder.DropTable(
                name: "time_off");

            migrationBuilder.DropTable(
                name: "weekly_schedule_intervals");

            migrationBuilder.DropTable(
                name: "bookings");

            migrationBuilder.DropTable(
                name: "appointment_types");

            migrationBuilder.DropTable(
                name: "session_credit_grants");

            migrationBuilder.DropTable(
                name: "practitioners");

            migrationBuilder.DropTable(
                name: "locations");
        }
    }
}
