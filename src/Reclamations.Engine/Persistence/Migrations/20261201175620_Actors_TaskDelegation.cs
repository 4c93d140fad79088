using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reclamations.Engine.Persistence.Migrations
{
    /// <summary>
    /// Camunda 7 delegation on tasks: the owner a delegated task returns to and the delegation state (PENDING, RESOLVED).
    /// Nullable columns are added in place; Down drops them in place too (ALTER TABLE DROP COLUMN), so that the table stays
    /// <c>WITHOUT ROWID</c> (see CompactInstanceTables).
    /// </summary>
    public partial class Actors_TaskDelegation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DelegationState",
                table: "Tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Owner",
                table: "Tasks",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Tasks" DROP COLUMN "DelegationState";""");
            migrationBuilder.Sql("""ALTER TABLE "Tasks" DROP COLUMN "Owner";""");
        }
    }
}
