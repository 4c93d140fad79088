using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reclamations.Engine.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FilteredIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_Assignee_DueDate",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_ProcessInstances_BusinessKey",
                table: "ProcessInstances");

            migrationBuilder.DropIndex(
                name: "IX_ProcessInstances_SuperProcessInstanceId",
                table: "ProcessInstances");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Assignee_DueDate",
                table: "Tasks",
                columns: new[] { "Assignee", "DueDate" },
                filter: "\"Assignee\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstances_BusinessKey",
                table: "ProcessInstances",
                column: "BusinessKey",
                filter: "\"BusinessKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstances_SuperExecutionId",
                table: "ProcessInstances",
                column: "SuperExecutionId",
                filter: "\"SuperExecutionId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_Assignee_DueDate",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_ProcessInstances_BusinessKey",
                table: "ProcessInstances");

            migrationBuilder.DropIndex(
                name: "IX_ProcessInstances_SuperExecutionId",
                table: "ProcessInstances");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Assignee_DueDate",
                table: "Tasks",
                columns: new[] { "Assignee", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstances_BusinessKey",
                table: "ProcessInstances",
                column: "BusinessKey");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstances_SuperProcessInstanceId",
                table: "ProcessInstances",
                column: "SuperProcessInstanceId");
        }
    }
}
