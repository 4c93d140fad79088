using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reclamations.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Letters_FirmIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LetterSettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LetterSettings_Key_Id",
                table: "LetterSettings",
                columns: new[] { "Key", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LetterSettings");
        }
    }
}
