using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RequestRenewals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "renewed_from_id",
                table: "cada_requests",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_cada_requests_renewed_from_id",
                table: "cada_requests",
                column: "renewed_from_id",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_cada_requests_cada_requests_renewed_from_id",
                table: "cada_requests",
                column: "renewed_from_id",
                principalTable: "cada_requests",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_cada_requests_cada_requests_renewed_from_id",
                table: "cada_requests");

            migrationBuilder.DropIndex(
                name: "ix_cada_requests_renewed_from_id",
                table: "cada_requests");

            migrationBuilder.DropColumn(
                name: "renewed_from_id",
                table: "cada_requests");
        }
    }
}
