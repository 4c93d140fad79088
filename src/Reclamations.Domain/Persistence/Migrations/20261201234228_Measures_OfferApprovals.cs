using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reclamations.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Measures_OfferApprovals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "OfferApprovedAt",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OfferApprovedBy",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OfferValidatedAt",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OfferValidatedBy",
                table: "Complaints",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // in place: a table rebuild would drop the columns later migrations added
            foreach (var column in new[] { "OfferApprovedAt", "OfferApprovedBy", "OfferValidatedAt", "OfferValidatedBy" })
            {
                migrationBuilder.Sql($"ALTER TABLE \"Complaints\" DROP COLUMN \"{column}\";");
            }
        }
    }
}
