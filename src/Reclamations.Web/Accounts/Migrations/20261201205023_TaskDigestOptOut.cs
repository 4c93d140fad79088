using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reclamations.Web.Accounts.Migrations
{
    /// <inheritdoc />
    public partial class TaskDigestOptOut : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "TaskDigestOptOut",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TaskDigestOptOut",
                table: "AspNetUsers");
        }
    }
}
