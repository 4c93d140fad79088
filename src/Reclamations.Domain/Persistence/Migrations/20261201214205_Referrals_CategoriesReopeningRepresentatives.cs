using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reclamations.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Referrals_CategoriesReopeningRepresentatives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReceivedThrough",
                table: "Complaints",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceivedThroughReference",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReopenCount",
                table: "Complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ReopenedOn",
                table: "Complaints",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Representative_Capacity",
                table: "Complaints",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Representative_Email",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Representative_Name",
                table: "Complaints",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Representative_Phone",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Representative_PostalAddress",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CaaType",
                table: "Categories",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                table: "Categories",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            // Existing categories get their CAA reporting type (seed 004's seven): the seeded ones map to themselves; any
            // other (added by hand) is mapped by its label's key words, else to the contract-operations type, and can be
            // remapped by Admin on /admin/categories.
            migrationBuilder.Sql("""
                UPDATE Categories SET CaaType = Code
                 WHERE Code IN ('product', 'adviceQuality', 'distribution', 'contractOperations', 'kycCompliance', 'regulation', 'conflictsOfInterest');
                UPDATE Categories SET CaaType = CASE
                    WHEN lower(Label) LIKE '%conseil%' THEN 'adviceQuality'
                    WHEN lower(Label) LIKE '%commerciali%' OR lower(Label) LIKE '%distribution%' OR lower(Label) LIKE '%vente%' THEN 'distribution'
                    WHEN lower(Label) LIKE '%kyc%' OR lower(Label) LIKE '%conformit%' OR lower(Label) LIKE '%compliance%' THEN 'kycCompliance'
                    WHEN lower(Label) LIKE '%rgpd%' OR lower(Label) LIKE '%gdpr%' OR lower(Label) LIKE '%réglement%' OR lower(Label) LIKE '%reglement%' THEN 'regulation'
                    WHEN lower(Label) LIKE '%conflit%' THEN 'conflictsOfInterest'
                    WHEN lower(Label) LIKE '%produit%' OR lower(Label) LIKE '%garantie%' THEN 'product'
                    ELSE 'contractOperations' END
                 WHERE CaaType = '';
                """);

            migrationBuilder.CreateTable(
                name: "CategoryChanges",
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
                    table.PrimaryKey("PK_CategoryChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComplaintId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReferredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TheirReference = table.Column<string>(type: "TEXT", nullable: true),
                    FirmAnswerDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FirmAnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CategoryChanges_Code",
                table: "CategoryChanges",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ComplaintId",
                table: "Referrals",
                column: "ComplaintId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CategoryChanges");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"ReceivedThrough\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"ReceivedThroughReference\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"ReopenCount\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"ReopenedOn\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"Representative_Capacity\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"Representative_Email\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"Representative_Name\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"Representative_Phone\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"Representative_PostalAddress\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Categories\" DROP COLUMN \"CaaType\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Categories\" DROP COLUMN \"IsActive\";"); // in place: a table rebuild would drop the columns later migrations added
        }
    }
}
