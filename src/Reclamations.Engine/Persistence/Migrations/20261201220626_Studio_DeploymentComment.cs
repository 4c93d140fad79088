using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reclamations.Engine.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Studio_DeploymentComment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Comment",
                table: "ProcessDefinitions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeployedBy",
                table: "ProcessDefinitions",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Comment",
                table: "ProcessDefinitions");

            migrationBuilder.DropColumn(
                name: "DeployedBy",
                table: "ProcessDefinitions");
        }
    }
}
