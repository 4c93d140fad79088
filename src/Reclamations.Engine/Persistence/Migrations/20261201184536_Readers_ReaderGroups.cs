using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reclamations.Engine.Persistence.Migrations
{
    /// <inheritdoc />
    /// <summary>Reader restrictions (<c>readerGroups</c> of a definition, inherited by called instances): on instances, copied
    /// on their tasks, and on the variables and history rows a restricted called instance wrote into its caller. Columns
    /// only (ALTER TABLE ADD COLUMN): the compact tables stay as they are.</summary>
    public partial class Readers_ReaderGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReaderGroups",
                table: "Variables",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReaderGroups",
                table: "Tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReaderGroups",
                table: "ProcessInstances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReaderGroups",
                table: "History",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // In place (SQLite 3.35+): EF's DropColumn would rebuild these tables, losing WITHOUT ROWID (CompactInstanceTables)
            // and the columns other migrations added.
            foreach (var table in new[] { "Variables", "Tasks", "ProcessInstances", "History" })
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"ReaderGroups\";");
        }
    }
}
