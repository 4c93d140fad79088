using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reclamations.Domain.Persistence.Migrations
{
    /// <summary>The dashboard's maintained counts (Reporting/DashboardCounts): one table per figure, keyed by local month of
    /// receipt, profile and category, and the state row naming the zone they were counted in. Tables of raw SQL (WITHOUT ROWID, composite keys; EF's model does
    /// not map them: only the dashboard's SQL reads and writes them). No backfill here (the month depends on the firm's zone): without
    /// the state row the counts are built at start-up, or by the first dashboard.</summary>
    public partial class Reporting_DashboardSpeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "DashboardMonthly" ("Profile" TEXT NOT NULL, "Month" INTEGER NOT NULL, "Category" TEXT NOT NULL, "Channel" TEXT NOT NULL, "N0" INTEGER NOT NULL, "N1" INTEGER NOT NULL, "N2" INTEGER NOT NULL, "N3" INTEGER NOT NULL, "N4" INTEGER NOT NULL, "N5" INTEGER NOT NULL, "N6" INTEGER NOT NULL, "N7" INTEGER NOT NULL, "N8" INTEGER NOT NULL, "N9" INTEGER NOT NULL, "N10" INTEGER NOT NULL, "N11" INTEGER NOT NULL, "N12" INTEGER NOT NULL, "N13" INTEGER NOT NULL, "N14" INTEGER NOT NULL, "N15" INTEGER NOT NULL, "N16" INTEGER NOT NULL, "N17" INTEGER NOT NULL, PRIMARY KEY ("Month", "Profile", "Category", "Channel")) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "DashboardHandling" ("Profile" TEXT NOT NULL, "Month" INTEGER NOT NULL, "Category" TEXT NOT NULL, "Days" INTEGER NOT NULL, "N0" INTEGER NOT NULL, PRIMARY KEY ("Month", "Profile", "Category", "Days")) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "DashboardOpen" ("Profile" TEXT NOT NULL, "Month" INTEGER NOT NULL, "Day" INTEGER NOT NULL, "Category" TEXT NOT NULL, "Status" TEXT NOT NULL, "N0" INTEGER NOT NULL, PRIMARY KEY ("Month", "Day", "Profile", "Category", "Status")) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "DashboardProducts" ("Profile" TEXT NOT NULL, "Month" INTEGER NOT NULL, "Category" TEXT NOT NULL, "Product" TEXT NOT NULL, "N0" INTEGER NOT NULL, PRIMARY KEY ("Month", "Profile", "Category", "Product")) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "DashboardInsurers" ("Profile" TEXT NOT NULL, "Month" INTEGER NOT NULL, "Category" TEXT NOT NULL, "Insurer" TEXT NOT NULL, "N0" INTEGER NOT NULL, PRIMARY KEY ("Month", "Profile", "Category", "Insurer")) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "DashboardPersons" ("Profile" TEXT NOT NULL, "Month" INTEGER NOT NULL, "Category" TEXT NOT NULL, "Person" TEXT NOT NULL, "N0" INTEGER NOT NULL, PRIMARY KEY ("Month", "Profile", "Category", "Person")) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "DashboardActions" ("Profile" TEXT NOT NULL, "Month" INTEGER NOT NULL, "Category" TEXT NOT NULL, "Status" TEXT NOT NULL, "Due" TEXT NOT NULL, "N0" INTEGER NOT NULL, PRIMARY KEY ("Month", "Profile", "Category", "Status", "Due")) WITHOUT ROWID;
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "DashboardCountsState" ("Id" INTEGER NOT NULL PRIMARY KEY, "TimeZoneId" TEXT NOT NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "DashboardMonthly";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "DashboardHandling";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "DashboardOpen";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "DashboardProducts";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "DashboardInsurers";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "DashboardPersons";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "DashboardActions";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "DashboardCountsState";""");
        }
    }
}
