using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CultureHealth.Content.Data.Migrations
{
    /// <inheritdoc />
    public partial class ClinicReplyBadge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "by_clinic",
                table: "comments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Replies written before the mark existed: the clinic's reply has no address and says so in its reason.
            migrationBuilder.Sql("UPDATE comments SET by_clinic = true WHERE moderation_reason = 'reply by the clinic' AND author_email = '';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "by_clinic",
                table: "comments");
        }
    }
}
