using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Site-wide search (Features/Search). Each searchable table gets a stored generated tsvector over its public
            // text, weighted (A: title or name, B: summary, C: body), through the same IMMUTABLE wrapper and French,
            // accent-blind configuration as the document pages, with a GIN index. The columns are not mapped in the EF
            // model on purpose: loading a case (or a contract…) must not carry its vector; only the search SQL reads them.
            // pg_trgm serves name completion and "did you mean": a GIN trigram index on the folded name (lower case, no
            // accents, hyphens and apostrophes as spaces), folded by another IMMUTABLE wrapper the queries call too.
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
                CREATE FUNCTION public.vigie_fold(text) RETURNS text
                    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                    AS $$ SELECT pg_catalog.translate(pg_catalog.lower(public.unaccent('public.unaccent'::regdictionary, $1)), '-''’', '   ') $$;

                ALTER TABLE cases ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(public.vigie_search_vector(coalesce(title, '')), 'A')
                    || setweight(public.vigie_search_vector(coalesce(summary, '')), 'B')
                    || setweight(public.vigie_search_vector(coalesce(body, '')), 'C')) STORED;
                ALTER TABLE quotes ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(public.vigie_search_vector(coalesce(text, '')), 'B')
                    || setweight(public.vigie_search_vector(coalesce(speaker, '') || ' ' || coalesce(speaker_role, '')), 'C')) STORED;
                ALTER TABLE contracts ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(public.vigie_search_vector(coalesce(object, '')), 'A')
                    || setweight(public.vigie_search_vector(coalesce(reference, '')), 'B')
                    || setweight(public.vigie_search_vector(coalesce(notes, '') || ' ' || coalesce(missing, '')), 'C')) STORED;
                ALTER TABLE cada_requests ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(public.vigie_search_vector(coalesce(subject, '')), 'A')
                    || setweight(public.vigie_search_vector(coalesce(outcome_summary, '')), 'B')) STORED;
                ALTER TABLE documents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(public.vigie_search_vector(coalesce(title, '')), 'A')
                    || setweight(public.vigie_search_vector(coalesce(description, '')), 'B')) STORED;
                ALTER TABLE vendors ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(public.vigie_search_vector(coalesce(name, '')), 'A')
                    || setweight(public.vigie_search_vector(coalesce(description, '')), 'C')) STORED;
                ALTER TABLE municipalities ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(public.vigie_search_vector(coalesce(name, '')), 'A')) STORED;

                CREATE INDEX ix_cases_search_vector ON cases USING gin (search_vector);
                CREATE INDEX ix_quotes_search_vector ON quotes USING gin (search_vector);
                CREATE INDEX ix_contracts_search_vector ON contracts USING gin (search_vector);
                CREATE INDEX ix_cada_requests_search_vector ON cada_requests USING gin (search_vector);
                CREATE INDEX ix_documents_search_vector ON documents USING gin (search_vector);
                CREATE INDEX ix_vendors_search_vector ON vendors USING gin (search_vector);
                CREATE INDEX ix_municipalities_search_vector ON municipalities USING gin (search_vector);
                CREATE INDEX ix_municipalities_name_trgm ON municipalities USING gin (public.vigie_fold(name) public.gin_trgm_ops);
                CREATE INDEX ix_vendors_name_trgm ON vendors USING gin (public.vigie_fold(name) public.gin_trgm_ops);

                -- What a case brings to the search facets (inlined by the planner: one SELECT, STABLE).
                CREATE FUNCTION public.vigie_case_facets(integer)
                    RETURNS TABLE (techs text[], vendors text[], states text[], years integer[])
                    LANGUAGE sql STABLE PARALLEL SAFE
                    AS $$ SELECT
                        coalesce((SELECT array_agg(t.slug ORDER BY t.slug) FROM public.case_technologies ct
                                  JOIN public.technologies t ON t.id = ct.technologies_id WHERE ct.cases_id = $1), '{}')::text[],
                        coalesce((SELECT array_agg(v.slug ORDER BY v.slug) FROM public.case_vendors cv
                                  JOIN public.vendors v ON v.id = cv.vendors_id WHERE cv.cases_id = $1), '{}')::text[],
                        coalesce((SELECT array_agg(DISTINCT r.state) FROM public.cada_requests r
                                  WHERE r.case_id = $1 AND r.is_public), '{}')::text[],
                        coalesce((SELECT array_agg(DISTINCT extract(year FROM k.signed_on)::integer) FROM public.contracts k
                                  WHERE k.case_id = $1 AND k.signed_on IS NOT NULL), '{}')::integer[] $$;
                -- Text given to ts_headline, without the control characters its highlight marks are made of.
                CREATE FUNCTION public.vigie_snippet_text(text) RETURNS text
                    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                    AS $$ SELECT pg_catalog.translate($1, E'\x02\x03', '') $$;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_contracts_amount_euros_id",
                table: "contracts",
                columns: new[] { "amount_euros", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_contracts_signed_on_id",
                table: "contracts",
                columns: new[] { "signed_on", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION public.vigie_snippet_text(text);
                DROP FUNCTION public.vigie_case_facets(integer);
                DROP INDEX ix_vendors_name_trgm;
                DROP INDEX ix_municipalities_name_trgm;
                ALTER TABLE municipalities DROP COLUMN search_vector;
                ALTER TABLE vendors DROP COLUMN search_vector;
                ALTER TABLE documents DROP COLUMN search_vector;
                ALTER TABLE cada_requests DROP COLUMN search_vector;
                ALTER TABLE contracts DROP COLUMN search_vector;
                ALTER TABLE quotes DROP COLUMN search_vector;
                ALTER TABLE cases DROP COLUMN search_vector;
                DROP FUNCTION public.vigie_fold(text);
                DROP EXTENSION IF EXISTS pg_trgm;
                """);

            migrationBuilder.DropIndex(
                name: "ix_contracts_amount_euros_id",
                table: "contracts");

            migrationBuilder.DropIndex(
                name: "ix_contracts_signed_on_id",
                table: "contracts");
        }
    }
}
