using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reclamations.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Studio_LetterTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TemplateVersion",
                table: "SentLetters",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "LetterTemplateVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LetterTemplateVersions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LetterTemplateVersions_Name_Version",
                table: "LetterTemplateVersions",
                columns: new[] { "Name", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LetterTemplateVersions");

            migrationBuilder.Sql("ALTER TABLE \"SentLetters\" DROP COLUMN \"TemplateVersion\";"); // in place: a table rebuild would drop the columns later migrations added
        }
    }
}
