using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reclamations.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Reporting_Indexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Category_ReceivedAt",
                table: "Complaints",
                columns: new[] { "Category", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ProductOrService_ReceivedAt",
                table: "Complaints",
                columns: new[] { "ProductOrService", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ProfileCode_ReceivedAt",
                table: "Complaints",
                columns: new[] { "ProfileCode", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_Category_ReceivedAt",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_ProductOrService_ReceivedAt",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_ProfileCode_ReceivedAt",
                table: "Complaints");
        }
    }
}
