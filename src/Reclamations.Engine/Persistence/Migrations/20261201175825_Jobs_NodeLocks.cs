using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reclamations.Engine.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Jobs_NodeLocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AttemptStartedAt",
                table: "Jobs",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // In place (SQLite 3.35+): EF's DropColumn rebuilds the table from this migration's model, which does not know
            // the columns other migrations of the same day added (Jobs.IsSuspended), and would drop them.
            migrationBuilder.Sql("ALTER TABLE \"Jobs\" DROP COLUMN \"AttemptStartedAt\";");
        }
    }
}
