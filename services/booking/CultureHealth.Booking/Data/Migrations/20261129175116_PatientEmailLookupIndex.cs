using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CultureHealth.Booking.Data.Migrations
{
    /// <inheritdoc />
    public partial class PatientEmailLookupIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The "me" queries and the waitlist matcher compare Trim().ToLower() of patient_email with a normalised address; EF has no
            // expression indexes, so this one is SQL (the model does not know it, and has no change pending for it).
            // The expression is EF's translation of Trim().ToLower() exactly (btrim of C#'s whitespace characters): an index on
            // lower(trim(...)) would not match it and the planner would not use it (the EXPLAIN tests show which it uses).
            migrationBuilder.Sql("CREATE INDEX ix_bookings_patient_email_lookup ON bookings (lower(btrim(patient_email, E' \\t\\n\\r')));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_bookings_patient_email_lookup;");
        }
    }
}
