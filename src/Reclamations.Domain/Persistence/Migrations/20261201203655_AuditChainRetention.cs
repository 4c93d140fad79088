using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reclamations.Domain.Persistence.Migrations
{
    /// <summary>The audit chain's columns and head row, the legal hold and erasure marks of a complaint. The rows written
    /// before are chained at start-up with the configured key (AuditChainMigration): no SQL migration may hold the key.</summary>
    public partial class AuditChainRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "LegalHold",
                table: "Complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LegalHoldReason",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PersonalDataErasedAt",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ErasedAt",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Mac",
                table: "AuditEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ValueDigests",
                table: "AuditEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditChainHead",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Mac = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditChainHead", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "AuditChainHead",
                columns: new[] { "Id", "Sequence", "Mac" },
                values: new object[] { 1, 0L, "" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Sequence",
                table: "AuditEntries",
                column: "Sequence",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditChainHead");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Sequence",
                table: "AuditEntries");

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"LegalHold\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"LegalHoldReason\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"Complaints\" DROP COLUMN \"PersonalDataErasedAt\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"AuditEntries\" DROP COLUMN \"ErasedAt\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"AuditEntries\" DROP COLUMN \"Mac\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"AuditEntries\" DROP COLUMN \"Sequence\";"); // in place: a table rebuild would drop the columns later migrations added

            migrationBuilder.Sql("ALTER TABLE \"AuditEntries\" DROP COLUMN \"ValueDigests\";"); // in place: a table rebuild would drop the columns later migrations added
        }
    }
}
