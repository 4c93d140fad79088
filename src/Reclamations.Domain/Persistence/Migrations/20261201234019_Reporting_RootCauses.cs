using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reclamations.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Reporting_RootCauses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RootCauses",
                table: "Complaints",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<bool>(
                name: "Systemic",
                table: "Complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "AnnualAnalysisVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualAnalysisVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AnnualDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    FiguresSha256 = table.Column<string>(type: "TEXT", nullable: false),
                    AnalysisVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    GeneratedBy = table.Column<string>(type: "TEXT", nullable: false),
                    GeneratedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualDocuments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RootCauseChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    User = table.Column<string>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", nullable: false),
                    Details = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RootCauseChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RootCauses",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    AffectedProcedures = table.Column<string>(type: "TEXT", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RootCauses", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "RootCauseActions",
                columns: table => new
                {
                    RootCauseCode = table.Column<string>(type: "TEXT", nullable: false),
                    CorrectiveActionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LinkedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RootCauseActions", x => new { x.RootCauseCode, x.CorrectiveActionId });
                    table.ForeignKey(
                        name: "FK_RootCauseActions_CorrectiveActions_CorrectiveActionId",
                        column: x => x.CorrectiveActionId,
                        principalTable: "CorrectiveActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RootCauseActions_RootCauses_RootCauseCode",
                        column: x => x.RootCauseCode,
                        principalTable: "RootCauses",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualAnalysisVersions_Year_Scope_Version",
                table: "AnnualAnalysisVersions",
                columns: new[] { "Year", "Scope", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnualDocuments_GeneratedAt",
                table: "AnnualDocuments",
                column: "GeneratedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RootCauseActions_CorrectiveActionId",
                table: "RootCauseActions",
                column: "CorrectiveActionId");

            migrationBuilder.CreateIndex(
                name: "IX_RootCauseChanges_Code",
                table: "RootCauseChanges",
                column: "Code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnualAnalysisVersions");

            migrationBuilder.DropTable(
                name: "AnnualDocuments");

            migrationBuilder.DropTable(
                name: "RootCauseActions");

            migrationBuilder.DropTable(
                name: "RootCauseChanges");

            migrationBuilder.DropTable(
                name: "RootCauses");

            // In place (a table rebuild would lose the columns later migrations added).
            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"RootCauses\";");
            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"Systemic\";");
        }
    }
}
