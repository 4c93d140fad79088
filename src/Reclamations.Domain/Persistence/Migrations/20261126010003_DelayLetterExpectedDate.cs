using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reclamations.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DelayLetterExpectedDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AnswerExpectedOn",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            // The stored LU-CAA profile learns that a delay letter postpones the CAA date (a fresh database is seeded with it).
            migrationBuilder.Sql("""
                UPDATE "DeadlineProfiles" SET "Json" = json_set("Json", '$.delayExtendsExternalRecourse', json('true'))
                WHERE "Code" = 'LU-CAA' AND json_extract("Json", '$.delayExtendsExternalRecourse') IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnswerExpectedOn",
                table: "Complaints");
        }
    }
}
