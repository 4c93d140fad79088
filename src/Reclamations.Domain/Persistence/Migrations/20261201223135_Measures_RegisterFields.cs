using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reclamations.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Measures_RegisterFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DelayReasons",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MeetingDate",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MeetingSummary",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OfferAmount",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OfferText",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewFindings",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecondLevelDecision",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecondLevelReasons",
                table: "Complaints",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"DelayReasons\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"MeetingDate\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"MeetingSummary\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"OfferAmount\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"OfferText\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"ReviewFindings\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"SecondLevelDecision\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"SecondLevelReasons\";"); // in place: a table rebuild would drop the columns later migrations added
        }
    }
}
