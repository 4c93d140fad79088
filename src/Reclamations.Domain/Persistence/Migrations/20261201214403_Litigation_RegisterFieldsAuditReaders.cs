using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reclamations.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Litigation_RegisterFieldsAuditReaders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LitigationClaimReference",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LitigationCounsel",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LitigationEndedAt",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LitigationOutcome",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LitigationReaderGroups",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LitigationStartedAt",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReaderGroups",
                table: "AuditEntries",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LitigationClaimReference",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "LitigationCounsel",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "LitigationEndedAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "LitigationOutcome",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "LitigationReaderGroups",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "LitigationStartedAt",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ReaderGroups",
                table: "AuditEntries");
        }
    }
}
