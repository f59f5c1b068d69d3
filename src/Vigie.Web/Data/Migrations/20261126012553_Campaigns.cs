using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vigie.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Campaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "campaign_id",
                table: "cada_requests",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "letter_paragraph",
                table: "cada_requests",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "campaigns",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    letter_paragraph = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    context = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    requests_are_public = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    is_demonstration = table.Column<bool>(type: "boolean", nullable: false),
                    created_by_id = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaigns", x => x.id);
                    table.ForeignKey(
                        name: "fk_campaigns_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "campaign_documents",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    campaign_id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_campaign_documents_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "campaign_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false),
                    done = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_jobs", x => x.id);
                    table.ForeignKey(
                        name: "fk_campaign_jobs_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "campaign_organisers",
                columns: table => new
                {
                    campaign_id = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_organisers", x => new { x.campaign_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_campaign_organisers_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_campaign_organisers_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "campaign_targets",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    campaign_id = table.Column<int>(type: "integer", nullable: false),
                    public_body_id = table.Column<int>(type: "integer", nullable: false),
                    cada_request_id = table.Column<int>(type: "integer", nullable: true),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_targets", x => x.id);
                    table.ForeignKey(
                        name: "fk_campaign_targets_cada_requests_cada_request_id",
                        column: x => x.cada_request_id,
                        principalTable: "cada_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_campaign_targets_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_campaign_targets_public_bodies_public_body_id",
                        column: x => x.public_body_id,
                        principalTable: "public_bodies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cada_requests_campaign_id_public_body_id",
                table: "cada_requests",
                columns: new[] { "campaign_id", "public_body_id" },
                unique: true,
                filter: "campaign_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_documents_campaign_id_position",
                table: "campaign_documents",
                columns: new[] { "campaign_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_campaign_jobs_campaign_id",
                table: "campaign_jobs",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_jobs_status_created_at",
                table: "campaign_jobs",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_campaign_organisers_user_id",
                table: "campaign_organisers",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_targets_cada_request_id",
                table: "campaign_targets",
                column: "cada_request_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_campaign_targets_campaign_id_public_body_id",
                table: "campaign_targets",
                columns: new[] { "campaign_id", "public_body_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_campaign_targets_public_body_id",
                table: "campaign_targets",
                column: "public_body_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaigns_created_by_id",
                table: "campaigns",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaigns_slug",
                table: "campaigns",
                column: "slug",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_cada_requests_campaigns_campaign_id",
                table: "cada_requests",
                column: "campaign_id",
                principalTable: "campaigns",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_cada_requests_campaigns_campaign_id",
                table: "cada_requests");

            migrationBuilder.DropTable(
                name: "campaign_documents");

            migrationBuilder.DropTable(
                name: "campaign_jobs");

            migrationBuilder.DropTable(
                name: "campaign_organisers");

            migrationBuilder.DropTable(
                name: "campaign_targets");

            migrationBuilder.DropTable(
                name: "campaigns");

            migrationBuilder.DropIndex(
                name: "ix_cada_requests_campaign_id_public_body_id",
                table: "cada_requests");

            migrationBuilder.DropColumn(
                name: "campaign_id",
                table: "cada_requests");

            migrationBuilder.DropColumn(
                name: "letter_paragraph",
                table: "cada_requests");
        }
    }
}
