using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reclamations.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Deadlines_StoredAndVersioned : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "UpdatedBy",
                table: "DeadlineProfiles",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "DeadlineProfiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AcknowledgementReminderDate",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AnswerCountersignedAt",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnswerCountersignedBy",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AnswerValidatedAt",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnswerValidatedBy",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProfileVersion",
                table: "Complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ResponseReminderDate",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SecondLevelReminderDate",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WrittenConfirmationSentAt",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeadlineProfileVersions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineProfileVersions", x => new { x.Code, x.Version });
                });

            // Stored Luxembourg profiles learn seed 004's rules (by jurisdiction, never by code): Direction gives the second
            // level, validates every answer and hears of every new complaint; the complaints officer countersigns.
            migrationBuilder.Sql("""
                UPDATE "DeadlineProfiles" SET "Json" = json_set("Json",
                    '$.secondLevelReviewerGroup', 'Direction', '$.directionValidatesAnswers', json('true'),
                    '$.officerCountersignsAnswers', json('true'), '$.directionInformedOnReceipt', json('true'))
                WHERE json_extract("Json", '$.jurisdiction') = 'LU' AND json_extract("Json", '$.directionValidatesAnswers') IS NULL;
                """);
            // The profiles stored so far become their version 1, saved by the system; complaints registered before keep
            // ProfileVersion 0 ("before versions were kept": their stored dates are what counts).
            migrationBuilder.Sql("UPDATE DeadlineProfiles SET Version = 1, UpdatedBy = 'system';");
            migrationBuilder.Sql("INSERT INTO DeadlineProfileVersions (Code, Version, Json, SavedAt, SavedBy) "
                + "SELECT Code, 1, Json, UpdatedAt, 'system' FROM DeadlineProfiles;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeadlineProfileVersions");

            migrationBuilder.Sql("ALTER TABLE \"DeadlineProfiles\" DROP COLUMN \"UpdatedBy\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"DeadlineProfiles\" DROP COLUMN \"Version\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"AcknowledgementReminderDate\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"AnswerCountersignedAt\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"AnswerCountersignedBy\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"AnswerValidatedAt\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"AnswerValidatedBy\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"ProfileVersion\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"ResponseReminderDate\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"SecondLevelReminderDate\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"WrittenConfirmationSentAt\";"); // in place: a table rebuild would drop the columns later migrations added
        }
    }
}
