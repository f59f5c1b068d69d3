using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vigie.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RequestTracker : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_cada_requests_municipalities_municipality_id",
                table: "cada_requests");

            migrationBuilder.AddColumn<int>(
                name: "requester_id",
                table: "cada_requests",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "state",
                table: "cada_requests",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "Draft");

            migrationBuilder.AddColumn<string>(
                name: "first_names",
                table: "users",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "postal_address",
                table: "users",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "receives_reminders",
                table: "users",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "surname",
                table: "users",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "outcome_summary",
                table: "cada_requests",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "analysed_on",
                table: "cada_requests",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "channel",
                table: "cada_requests",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Email");

            migrationBuilder.AddColumn<string>(
                name: "channel_url",
                table: "cada_requests",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "closing_outcome",
                table: "cada_requests",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "context",
                table: "cada_requests",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "created_at",
                table: "cada_requests",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<bool>(
                name: "is_closed",
                table: "cada_requests",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "mode",
                table: "cada_requests",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Email");

            migrationBuilder.AddColumn<string>(
                name: "next_action",
                table: "cada_requests",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "next_deadline_kind",
                table: "cada_requests",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "next_deadline_on",
                table: "cada_requests",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "public_body_id",
                table: "cada_requests",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "state_label",
                table: "cada_requests",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "cada_requests",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "cada_requests",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "reminder_digests",
                columns: table => new
                {
                    user_id = table.Column<int>(type: "integer", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    item_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reminder_digests", x => new { x.user_id, x.day });
                    table.ForeignKey(
                        name: "fk_reminder_digests_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "request_events",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    cada_request_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    occurred_on_precision = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    states_appeal_routes = table.Column<bool>(type: "boolean", nullable: false),
                    ground = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    file_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    opinion_number = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    opinion_sens = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    opinion_motivation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    opinion_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    judgment_outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    author_id = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_request_events_cada_requests_cada_request_id",
                        column: x => x.cada_request_id,
                        principalTable: "cada_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_request_events_users_author_id",
                        column: x => x.author_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "requested_documents",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    cada_request_id = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_requested_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_requested_documents_cada_requests_cada_request_id",
                        column: x => x.cada_request_id,
                        principalTable: "cada_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "request_event_revisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_id = table.Column<int>(type: "integer", nullable: false),
                    cada_request_id = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<int>(type: "integer", nullable: true),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_event_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_request_event_revisions_cada_requests_cada_request_id",
                        column: x => x.cada_request_id,
                        principalTable: "cada_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_request_event_revisions_request_events_event_id",
                        column: x => x.event_id,
                        principalTable: "request_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_request_event_revisions_users_actor_id",
                        column: x => x.actor_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "event_document_outcomes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_id = table.Column<int>(type: "integer", nullable: false),
                    requested_document_id = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ground = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_document_outcomes", x => x.id);
                    table.ForeignKey(
                        name: "fk_event_document_outcomes_request_events_event_id",
                        column: x => x.event_id,
                        principalTable: "request_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_event_document_outcomes_requested_documents_requested_docum",
                        column: x => x.requested_document_id,
                        principalTable: "requested_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cada_requests_is_closed_next_deadline_on",
                table: "cada_requests",
                columns: new[] { "is_closed", "next_deadline_on" });

            migrationBuilder.CreateIndex(
                name: "ix_cada_requests_public_body_id",
                table: "cada_requests",
                column: "public_body_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_document_outcomes_event_id_requested_document_id",
                table: "event_document_outcomes",
                columns: new[] { "event_id", "requested_document_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_event_document_outcomes_requested_document_id",
                table: "event_document_outcomes",
                column: "requested_document_id");

            migrationBuilder.CreateIndex(
                name: "ix_request_event_revisions_actor_id",
                table: "request_event_revisions",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_request_event_revisions_cada_request_id_at",
                table: "request_event_revisions",
                columns: new[] { "cada_request_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_request_event_revisions_event_id",
                table: "request_event_revisions",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_request_events_author_id",
                table: "request_events",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_request_events_cada_request_id_occurred_on",
                table: "request_events",
                columns: new[] { "cada_request_id", "occurred_on" });

            migrationBuilder.CreateIndex(
                name: "ix_requested_documents_cada_request_id_position",
                table: "requested_documents",
                columns: new[] { "cada_request_id", "position" },
                unique: true);

            // Requests of the foundation's structure (seeds): the commune's body, one row per requested line, a "sent"
            // event from the sending date, and a state the next refresh recomputes (analysed_on stays null).
            migrationBuilder.Sql("""
                UPDATE cada_requests r SET public_body_id = b.id
                FROM public_bodies b
                WHERE b.kind = 'Commune'
                  AND b.municipality_id = COALESCE(r.municipality_id, (SELECT c.municipality_id FROM cases c WHERE c.id = r.case_id));
                DELETE FROM cada_requests WHERE public_body_id = 0;
                INSERT INTO requested_documents (cada_request_id, position, title)
                SELECT id, row_number() OVER (PARTITION BY id ORDER BY ord), left(line, 500)
                FROM (SELECT r.id, d.ord, trim(d.line) AS line
                      FROM cada_requests r, unnest(string_to_array(r.documents_requested, E'\n')) WITH ORDINALITY AS d(line, ord)) lines
                WHERE line <> '';
                INSERT INTO requested_documents (cada_request_id, position, title)
                SELECT r.id, 1, left(r.subject, 500) FROM cada_requests r
                WHERE NOT EXISTS (SELECT 1 FROM requested_documents d WHERE d.cada_request_id = r.id);
                INSERT INTO request_events (cada_request_id, kind, occurred_on, occurred_on_precision, states_appeal_routes, created_at, updated_at)
                SELECT id, 'Sent', sent_on, 'Day', false, now(), now() FROM cada_requests WHERE sent_on IS NOT NULL;
                UPDATE cada_requests SET created_at = now(), updated_at = now();
                """);

            migrationBuilder.DropIndex(
                name: "ix_cada_requests_municipality_id",
                table: "cada_requests");

            migrationBuilder.DropColumn(
                name: "municipality_id",
                table: "cada_requests");

            migrationBuilder.DropColumn(
                name: "authority",
                table: "cada_requests");

            migrationBuilder.DropColumn(
                name: "documents_requested",
                table: "cada_requests");

            migrationBuilder.DropColumn(
                name: "status",
                table: "cada_requests");

            migrationBuilder.CreateIndex(
                name: "ix_cada_requests_requester_id",
                table: "cada_requests",
                column: "requester_id");

            migrationBuilder.AddForeignKey(
                name: "fk_cada_requests_public_bodies_public_body_id",
                table: "cada_requests",
                column: "public_body_id",
                principalTable: "public_bodies",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_cada_requests_users_requester_id",
                table: "cada_requests",
                column: "requester_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // Until now request_event_id was a plain column: forget ids that match no event.
            migrationBuilder.Sql("UPDATE documents SET request_event_id = NULL WHERE request_event_id NOT IN (SELECT id FROM request_events)");

            migrationBuilder.AddForeignKey(
                name: "fk_documents_request_events_request_event_id",
                table: "documents",
                column: "request_event_id",
                principalTable: "request_events",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_cada_requests_public_bodies_public_body_id",
                table: "cada_requests");

            migrationBuilder.DropForeignKey(
                name: "fk_cada_requests_users_requester_id",
                table: "cada_requests");

            migrationBuilder.DropForeignKey(
                name: "fk_documents_request_events_request_event_id",
                table: "documents");

            migrationBuilder.DropTable(
                name: "event_document_outcomes");

            migrationBuilder.DropTable(
                name: "reminder_digests");

            migrationBuilder.DropTable(
                name: "request_event_revisions");

            migrationBuilder.DropTable(
                name: "requested_documents");

            migrationBuilder.DropTable(
                name: "request_events");

            migrationBuilder.DropIndex(
                name: "ix_cada_requests_is_closed_next_deadline_on",
                table: "cada_requests");

            migrationBuilder.DropIndex(
                name: "ix_cada_requests_public_body_id",
                table: "cada_requests");

            migrationBuilder.DropColumn(
                name: "first_names",
                table: "users");

            migrationBuilder.DropColumn(
                name: "postal_address",
                table: "users");

            migrationBuilder.DropColumn(
                name: "receives_reminders",
                table: "users");

            migrationBuilder.DropColumn(
                name: "surname",
                table: "users");

            migrationBuilder.DropColumn(
                name: "analysed_on",
                table: "cada_requests");

            migrationBuilder.DropColumn(
                name: "channel",
                table: "cada_requests");

            migrationBuilder.DropColumn(
                name: "channel_url",
                table: "cada_requests");

            migrationBuilder.DropColumn(
                name: "closing_outcome",
                table: "cada_requests");

            migrationBuilder.DropColumn(
                name: "context",
                table: "cada_requests");

            migrationBuilder.DropColumn(
                name: "created_at",
                table: "cada_requests");

            migrationBuilder.DropColumn(
                name: "is_closed",
                table: "cada_requests");

            migrationBuilder.DropColumn(
                name: "mode",
                table: "cada_requests");

            migrationBuilder.DropColumn(
                name: "next_action",
                table: "cada_requests");

            migrationBuilder.DropColumn(
                name: "next_deadline_kind",
                table: "cada_requests");

            migrationBuilder.DropColumn(
                name: "next_deadline_on",
                table: "cada_requests");

            migrationBuilder.DropColumn(
                name: "public_body_id",
                table: "cada_requests");

            migrationBuilder.DropColumn(
                name: "state_label",
                table: "cada_requests");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "cada_requests");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "cada_requests");

            migrationBuilder.RenameColumn(
                name: "state",
                table: "cada_requests",
                newName: "status");

            migrationBuilder.Sql("UPDATE cada_requests SET requester_id = NULL");

            migrationBuilder.RenameColumn(
                name: "requester_id",
                table: "cada_requests",
                newName: "municipality_id");

            migrationBuilder.RenameIndex(
                name: "ix_cada_requests_requester_id",
                table: "cada_requests",
                newName: "ix_cada_requests_municipality_id");

            migrationBuilder.AlterColumn<string>(
                name: "outcome_summary",
                table: "cada_requests",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "authority",
                table: "cada_requests",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "documents_requested",
                table: "cada_requests",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddForeignKey(
                name: "fk_cada_requests_municipalities_municipality_id",
                table: "cada_requests",
                column: "municipality_id",
                principalTable: "municipalities",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
