using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reclamations.Engine.Persistence.Migrations
{
    /// <summary>Operator tools: suspension (instances and their jobs, so that acquisition needs no join), legal hold, buffered
    /// messages, history cleanup runs; indexes for history by task, tasks by business key, ended instances by end time.
    /// Up only adds columns (ALTER TABLE ADD COLUMN keeps the WITHOUT ROWID tables as they are).</summary>
    public partial class Operators_SuspensionRetentionIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsSuspended",
                table: "ProcessInstances",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "LegalHold",
                table: "ProcessInstances",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsSuspended",
                table: "Jobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "BufferedMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageName = table.Column<string>(type: "TEXT", nullable: false),
                    BusinessKey = table.Column<string>(type: "TEXT", nullable: true),
                    ProcessInstanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CorrelationKeys = table.Column<string>(type: "TEXT", nullable: true),
                    Variables = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BufferedMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HistoryCleanupRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    Batches = table.Column<int>(type: "INTEGER", nullable: false),
                    Instances = table.Column<int>(type: "INTEGER", nullable: false),
                    HistoryRows = table.Column<int>(type: "INTEGER", nullable: false),
                    VariableRows = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherRows = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HistoryCleanupRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_BusinessKey",
                table: "Tasks",
                column: "BusinessKey",
                filter: "\"BusinessKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessInstances_EndedAt",
                table: "ProcessInstances",
                column: "EndedAt",
                filter: "\"EndedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_History_TaskId",
                table: "History",
                column: "TaskId",
                filter: "\"TaskId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_BufferedMessages_ExpiresAt",
                table: "BufferedMessages",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_BufferedMessages_MessageName_ExpiresAt",
                table: "BufferedMessages",
                columns: new[] { "MessageName", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HistoryCleanupRuns_StartedAt",
                table: "HistoryCleanupRuns",
                column: "StartedAt");
        }

        /// <inheritdoc />
        /// <remarks>Columns are dropped by SQLite's own ALTER TABLE DROP COLUMN, not by EF's table rebuild, which would undo
        /// the WITHOUT ROWID storage of migration CompactInstanceTables (and break its own Down).</remarks>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "BufferedMessages");
            migrationBuilder.DropTable(name: "HistoryCleanupRuns");
            migrationBuilder.DropIndex(name: "IX_Tasks_BusinessKey", table: "Tasks");
            migrationBuilder.DropIndex(name: "IX_ProcessInstances_EndedAt", table: "ProcessInstances");
            migrationBuilder.DropIndex(name: "IX_History_TaskId", table: "History");
            migrationBuilder.Sql("""ALTER TABLE "ProcessInstances" DROP COLUMN "IsSuspended";""");
            migrationBuilder.Sql("""ALTER TABLE "ProcessInstances" DROP COLUMN "LegalHold";""");
            migrationBuilder.Sql("""ALTER TABLE "Jobs" DROP COLUMN "IsSuspended";""");
        }
    }
}
