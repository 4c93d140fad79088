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
            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"LitigationClaimReference\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"LitigationCounsel\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"LitigationEndedAt\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"LitigationOutcome\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"LitigationReaderGroups\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"LitigationStartedAt\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"AuditEntries\" DROP COLUMN \"ReaderGroups\";"); // in place: a table rebuild would drop the columns later migrations added
        }
    }
}
