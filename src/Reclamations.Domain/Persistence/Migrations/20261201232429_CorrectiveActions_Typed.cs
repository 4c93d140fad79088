using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reclamations.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CorrectiveActions_Typed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClosedAt",
                table: "CorrectiveActions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CreatedAt",
                table: "CorrectiveActions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "CorrectiveActions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OverdueNotifiedAt",
                table: "CorrectiveActions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Type",
                table: "CorrectiveActions",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Procedure"); // actions recorded before types existed

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_Status_DueDate",
                table: "CorrectiveActions",
                columns: new[] { "Status", "DueDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CorrectiveActions_Status_DueDate",
                table: "CorrectiveActions");
            // in place: a table rebuild would drop the columns later migrations added
            foreach (var column in new[] { "ClosedAt", "CreatedAt", "CreatedBy", "OverdueNotifiedAt", "Type" })
            {
                migrationBuilder.Sql($"ALTER TABLE \"CorrectiveActions\" DROP COLUMN \"{column}\";");
            }
        }
    }
}
