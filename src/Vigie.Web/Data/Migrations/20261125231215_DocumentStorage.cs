using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace Vigie.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DocumentStorage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search in French that ignores accents: "vidéoprotection" and "videoprotection" are the same
            // word. The unaccent dictionary goes before the French stemmer in a configuration of our own, so that
            // ts_headline highlights the words as written. A generated column needs an IMMUTABLE expression, hence
            // the wrapper function (it names the configuration with its schema, so a restore finds it).
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
                CREATE TEXT SEARCH CONFIGURATION public.vigie_fr (COPY = pg_catalog.french);
                ALTER TEXT SEARCH CONFIGURATION public.vigie_fr
                    ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.french_stem;
                CREATE FUNCTION public.vigie_search_vector(text) RETURNS tsvector
                    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                    AS $$ SELECT pg_catalog.to_tsvector('public.vigie_fr'::regconfig, $1) $$;
                """);

            migrationBuilder.AddColumn<int>(
                name: "file_id",
                table: "documents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "file_name",
                table: "documents",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_redacted",
                table: "documents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "received_on",
                table: "documents",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "redaction_ground",
                table: "documents",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "redaction_note",
                table: "documents",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "request_event_id",
                table: "documents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "uploaded_at",
                table: "documents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "uploaded_by_id",
                table: "documents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "documents",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "stored_files",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    processing_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    page_count = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stored_files", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upload_holds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upload_holds", x => x.id);
                    table.ForeignKey(
                        name: "fk_upload_holds_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "file_pages",
                columns: table => new
                {
                    file_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    thumbnail_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false, computedColumnSql: "vigie_search_vector(text)", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_file_pages", x => new { x.file_id, x.number });
                    table.ForeignKey(
                        name: "fk_file_pages_stored_files_file_id",
                        column: x => x.file_id,
                        principalTable: "stored_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "processing_jobs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    file_id = table.Column<int>(type: "integer", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    run_after = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    lease_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_processing_jobs", x => x.id);
                    table.ForeignKey(
                        name: "fk_processing_jobs_stored_files_file_id",
                        column: x => x.file_id,
                        principalTable: "stored_files",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_documents_file_id",
                table: "documents",
                column: "file_id");

            migrationBuilder.CreateIndex(
                name: "ix_documents_request_event_id",
                table: "documents",
                column: "request_event_id");

            migrationBuilder.CreateIndex(
                name: "ix_documents_uploaded_by_id",
                table: "documents",
                column: "uploaded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_file_pages_search_vector",
                table: "file_pages",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_processing_jobs_file_id",
                table: "processing_jobs",
                column: "file_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_processing_jobs_run_after",
                table: "processing_jobs",
                column: "run_after");

            migrationBuilder.CreateIndex(
                name: "ix_stored_files_sha256",
                table: "stored_files",
                column: "sha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_upload_holds_created_at",
                table: "upload_holds",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_upload_holds_user_id",
                table: "upload_holds",
                column: "user_id");

            migrationBuilder.AddForeignKey(
                name: "fk_documents_stored_files_file_id",
                table: "documents",
                column: "file_id",
                principalTable: "stored_files",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_documents_users_uploaded_by_id",
                table: "documents",
                column: "uploaded_by_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_documents_stored_files_file_id",
                table: "documents");

            migrationBuilder.DropForeignKey(
                name: "fk_documents_users_uploaded_by_id",
                table: "documents");

            migrationBuilder.DropTable(
                name: "file_pages");

            migrationBuilder.DropTable(
                name: "processing_jobs");

            migrationBuilder.DropTable(
                name: "upload_holds");

            migrationBuilder.DropTable(
                name: "stored_files");

            migrationBuilder.DropIndex(
                name: "ix_documents_file_id",
                table: "documents");

            migrationBuilder.DropIndex(
                name: "ix_documents_request_event_id",
                table: "documents");

            migrationBuilder.DropIndex(
                name: "ix_documents_uploaded_by_id",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "file_id",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "file_name",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "is_redacted",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "received_on",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "redaction_ground",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "redaction_note",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "request_event_id",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "uploaded_at",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "uploaded_by_id",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "documents");

            migrationBuilder.Sql("""
                DROP FUNCTION public.vigie_search_vector(text);
                DROP TEXT SEARCH CONFIGURATION public.vigie_fr;
                """);
        }
    }
}
