using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reclamations.Engine.Persistence.Migrations
{
    /// <summary>Where each version came from ("api" or "file:{name}"), so that start-up deployment never replaces a version deployed
    /// through the API. Versions deployed before count as "api": a changed workflows file is then not deployed over them
    /// (a warning says so) rather than risk replacing an API deployment; an unchanged file still matches them by content.</summary>
    public partial class Limits_DefinitionSource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "ProcessDefinitions",
                type: "TEXT",
                nullable: false,
                defaultValue: "api");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Source",
                table: "ProcessDefinitions");
        }
    }
}
