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
            migrationBuilder.DropColumn(
                name: "DelayReasons",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "MeetingDate",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "MeetingSummary",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "OfferAmount",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "OfferText",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ReviewFindings",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "SecondLevelDecision",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "SecondLevelReasons",
                table: "Complaints");
        }
    }
}
