using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Web.Data.Migrations
{
    /// <summary>
    /// What a case, a contract or a request is found by besides its own words: a case by its technologies, vendors and
    /// commune (name and department), a contract by its commune (the buyer's, else the case's) and vendor, a request by the
    /// name of the body it was sent to. A generated column cannot read other tables, so <c>case_search</c>,
    /// <c>contract_search</c> and <c>request_search</c> hold that related text and, for the search to read one GIN index,
    /// the row's own vector (weights A to C, from the Search migration) joined to the related text's at weight B: below a
    /// title, level with a summary. Triggers keep them, as they keep <c>case_facets</c>: a changed text, a link added or
    /// removed, a renamed technology, vendor, commune, department or body. Like the facets they are separate tables, so
    /// that the triggers never touch a case's row version (xmin), and they honour <c>vigie.defer_facets</c>: a bulk writer
    /// calls <c>vigie_refresh_all_search_text()</c> at the end. The rows' own GIN indexes are dropped: nothing reads them
    /// any more, and each cost every write of a case, contract or request.
    /// </summary>
    [DbContext(typeof(VigieDbContext))]
    [Migration("20261215090000_SearchRelatedText")]
    public partial class SearchRelatedText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE case_search (
                    case_id integer PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
                    related text NOT NULL,
                    search_vector tsvector NOT NULL);
                CREATE TABLE contract_search (
                    contract_id integer PRIMARY KEY REFERENCES contracts (id) ON DELETE CASCADE,
                    related text NOT NULL,
                    search_vector tsvector NOT NULL);
                CREATE TABLE request_search (
                    request_id integer PRIMARY KEY REFERENCES cada_requests (id) ON DELETE CASCADE,
                    related text NOT NULL,
                    search_vector tsvector NOT NULL);

                -- "Vidéoprotection, Lecture automatique de plaques … Genetec … Élancourt, Yvelines (78)".
                CREATE FUNCTION public.vigie_case_related_text(integer) RETURNS text
                    LANGUAGE sql STABLE PARALLEL SAFE
                    AS $$ SELECT concat_ws(' … ',
                              (SELECT string_agg(t.name, ', ' ORDER BY t.position, t.name) FROM public.case_technologies ct
                               JOIN public.technologies t ON t.id = ct.technologies_id WHERE ct.cases_id = c.id),
                              (SELECT string_agg(v.name, ', ' ORDER BY v.name) FROM public.case_vendors cv
                               JOIN public.vendors v ON v.id = cv.vendors_id WHERE cv.cases_id = c.id),
                              m.name || ', ' || coalesce(d.name || ' ', '') || '(' || m.department_code || ')')
                          FROM public.cases c JOIN public.municipalities m ON m.id = c.municipality_id
                          LEFT JOIN public.departments d ON d.code = m.department_code
                          WHERE c.id = $1 $$;
                CREATE FUNCTION public.vigie_contract_related_text(integer) RETURNS text
                    LANGUAGE sql STABLE PARALLEL SAFE
                    AS $$ SELECT concat_ws(' … ', m.name, v.name)
                          FROM public.contracts k JOIN public.cases c ON c.id = k.case_id
                          JOIN public.municipalities m ON m.id = coalesce(k.buyer_municipality_id, c.municipality_id)
                          LEFT JOIN public.vendors v ON v.id = k.vendor_id
                          WHERE k.id = $1 $$;
                CREATE FUNCTION public.vigie_request_related_text(integer) RETURNS text
                    LANGUAGE sql STABLE PARALLEL SAFE
                    AS $$ SELECT b.name FROM public.cada_requests r JOIN public.public_bodies b ON b.id = r.public_body_id WHERE r.id = $1 $$;

                CREATE FUNCTION public.vigie_refresh_case_search(integer) RETURNS void
                    LANGUAGE sql
                    AS $$ INSERT INTO public.case_search (case_id, related, search_vector)
                          SELECT c.id, x.related, c.search_vector || setweight(public.vigie_search_vector(x.related), 'B')
                          FROM public.cases c CROSS JOIN LATERAL (SELECT coalesce(public.vigie_case_related_text(c.id), '') AS related) x
                          WHERE c.id = $1
                          ON CONFLICT (case_id) DO UPDATE SET related = EXCLUDED.related, search_vector = EXCLUDED.search_vector
                          WHERE (case_search.related, case_search.search_vector) IS DISTINCT FROM (EXCLUDED.related, EXCLUDED.search_vector) $$;
                CREATE FUNCTION public.vigie_refresh_contract_search(integer) RETURNS void
                    LANGUAGE sql
                    AS $$ INSERT INTO public.contract_search (contract_id, related, search_vector)
                          SELECT k.id, x.related, k.search_vector || setweight(public.vigie_search_vector(x.related), 'B')
                          FROM public.contracts k CROSS JOIN LATERAL (SELECT coalesce(public.vigie_contract_related_text(k.id), '') AS related) x
                          WHERE k.id = $1
                          ON CONFLICT (contract_id) DO UPDATE SET related = EXCLUDED.related, search_vector = EXCLUDED.search_vector
                          WHERE (contract_search.related, contract_search.search_vector) IS DISTINCT FROM (EXCLUDED.related, EXCLUDED.search_vector) $$;
                CREATE FUNCTION public.vigie_refresh_request_search(integer) RETURNS void
                    LANGUAGE sql
                    AS $$ INSERT INTO public.request_search (request_id, related, search_vector)
                          SELECT r.id, x.related, r.search_vector || setweight(public.vigie_search_vector(x.related), 'B')
                          FROM public.cada_requests r CROSS JOIN LATERAL (SELECT coalesce(public.vigie_request_related_text(r.id), '') AS related) x
                          WHERE r.id = $1
                          ON CONFLICT (request_id) DO UPDATE SET related = EXCLUDED.related, search_vector = EXCLUDED.search_vector
                          WHERE (request_search.related, request_search.search_vector) IS DISTINCT FROM (EXCLUDED.related, EXCLUDED.search_vector) $$;

                -- Everything at once, set-based: the migration below and bulk writers (the generator).
                CREATE FUNCTION public.vigie_refresh_all_search_text() RETURNS void
                    LANGUAGE sql
                    AS $$ INSERT INTO public.case_search (case_id, related, search_vector)
                          SELECT c.id, x.related, c.search_vector || setweight(public.vigie_search_vector(x.related), 'B')
                          FROM public.cases c CROSS JOIN LATERAL (SELECT coalesce(public.vigie_case_related_text(c.id), '') AS related) x
                          ON CONFLICT (case_id) DO UPDATE SET related = EXCLUDED.related, search_vector = EXCLUDED.search_vector
                          WHERE (case_search.related, case_search.search_vector) IS DISTINCT FROM (EXCLUDED.related, EXCLUDED.search_vector);
                          INSERT INTO public.contract_search (contract_id, related, search_vector)
                          SELECT k.id, x.related, k.search_vector || setweight(public.vigie_search_vector(x.related), 'B')
                          FROM public.contracts k CROSS JOIN LATERAL (SELECT coalesce(public.vigie_contract_related_text(k.id), '') AS related) x
                          ON CONFLICT (contract_id) DO UPDATE SET related = EXCLUDED.related, search_vector = EXCLUDED.search_vector
                          WHERE (contract_search.related, contract_search.search_vector) IS DISTINCT FROM (EXCLUDED.related, EXCLUDED.search_vector);
                          INSERT INTO public.request_search (request_id, related, search_vector)
                          SELECT r.id, x.related, r.search_vector || setweight(public.vigie_search_vector(x.related), 'B')
                          FROM public.cada_requests r CROSS JOIN LATERAL (SELECT coalesce(public.vigie_request_related_text(r.id), '') AS related) x
                          ON CONFLICT (request_id) DO UPDATE SET related = EXCLUDED.related, search_vector = EXCLUDED.search_vector
                          WHERE (request_search.related, request_search.search_vector) IS DISTINCT FROM (EXCLUDED.related, EXCLUDED.search_vector) $$;

                -- Row trigger on a table holding the id of a case, contract or request (TG_ARGV: 'case', 'contract' or
                -- 'request', then the column): refreshes the search text of the row it pointed to and of the one it points to.
                CREATE FUNCTION public.vigie_search_text_changed() RETURNS trigger
                    LANGUAGE plpgsql
                    AS $$
                    DECLARE
                        ids integer[] := '{}';
                        target integer;
                    BEGIN
                        IF current_setting('vigie.defer_facets', true) = 'on' THEN
                            RETURN NULL;
                        END IF;
                        IF TG_OP <> 'INSERT' THEN
                            ids := ids || (to_jsonb(OLD) ->> TG_ARGV[1])::integer;
                        END IF;
                        IF TG_OP <> 'DELETE' THEN
                            ids := ids || (to_jsonb(NEW) ->> TG_ARGV[1])::integer;
                        END IF;
                        FOREACH target IN ARRAY (SELECT coalesce(array_agg(DISTINCT x), '{}') FROM unnest(ids) x WHERE x IS NOT NULL) LOOP
                            CASE TG_ARGV[0]
                                WHEN 'case' THEN PERFORM public.vigie_refresh_case_search(target);
                                WHEN 'contract' THEN PERFORM public.vigie_refresh_contract_search(target);
                                ELSE PERFORM public.vigie_refresh_request_search(target);
                            END CASE;
                        END LOOP;
                        RETURN NULL;
                    END $$;

                -- A case that moved to another commune: its contracts without a buyer of their own move with it.
                CREATE FUNCTION public.vigie_search_text_case_moved() RETURNS trigger
                    LANGUAGE plpgsql
                    AS $$
                    BEGIN
                        IF current_setting('vigie.defer_facets', true) = 'on' OR OLD.municipality_id IS NOT DISTINCT FROM NEW.municipality_id THEN
                            RETURN NULL;
                        END IF;
                        PERFORM public.vigie_refresh_contract_search(k.id) FROM public.contracts k
                        WHERE k.case_id = NEW.id AND k.buyer_municipality_id IS NULL;
                        RETURN NULL;
                    END $$;

                -- A renamed technology, vendor, commune, department or body: every case, contract or request whose
                -- related text names it.
                CREATE FUNCTION public.vigie_search_text_renamed() RETURNS trigger
                    LANGUAGE plpgsql
                    AS $$
                    BEGIN
                        IF current_setting('vigie.defer_facets', true) = 'on' THEN
                            RETURN NULL;
                        END IF;
                        CASE TG_TABLE_NAME
                            WHEN 'technologies' THEN
                                PERFORM public.vigie_refresh_case_search(ct.cases_id) FROM public.case_technologies ct WHERE ct.technologies_id = NEW.id;
                            WHEN 'vendors' THEN
                                PERFORM public.vigie_refresh_case_search(cv.cases_id) FROM public.case_vendors cv WHERE cv.vendors_id = NEW.id;
                                PERFORM public.vigie_refresh_contract_search(k.id) FROM public.contracts k WHERE k.vendor_id = NEW.id;
                            WHEN 'municipalities' THEN
                                PERFORM public.vigie_refresh_case_search(c.id) FROM public.cases c WHERE c.municipality_id = NEW.id;
                                PERFORM public.vigie_refresh_contract_search(k.id) FROM public.contracts k WHERE k.buyer_municipality_id = NEW.id
                                    OR (k.buyer_municipality_id IS NULL AND k.case_id IN (SELECT c.id FROM public.cases c WHERE c.municipality_id = NEW.id));
                            WHEN 'departments' THEN
                                PERFORM public.vigie_refresh_case_search(c.id) FROM public.cases c
                                JOIN public.municipalities m ON m.id = c.municipality_id WHERE m.department_code = NEW.code;
                            ELSE
                                PERFORM public.vigie_refresh_request_search(r.id) FROM public.cada_requests r WHERE r.public_body_id = NEW.id;
                        END CASE;
                        RETURN NULL;
                    END $$;

                CREATE TRIGGER search_text_case AFTER INSERT OR UPDATE OF title, summary, body, municipality_id ON cases
                    FOR EACH ROW EXECUTE FUNCTION public.vigie_search_text_changed('case', 'id');
                CREATE TRIGGER search_text_case_moved AFTER UPDATE OF municipality_id ON cases
                    FOR EACH ROW EXECUTE FUNCTION public.vigie_search_text_case_moved();
                CREATE TRIGGER search_text_case_technologies AFTER INSERT OR UPDATE OR DELETE ON case_technologies
                    FOR EACH ROW EXECUTE FUNCTION public.vigie_search_text_changed('case', 'cases_id');
                CREATE TRIGGER search_text_case_vendors AFTER INSERT OR UPDATE OR DELETE ON case_vendors
                    FOR EACH ROW EXECUTE FUNCTION public.vigie_search_text_changed('case', 'cases_id');
                CREATE TRIGGER search_text_contract AFTER INSERT OR UPDATE OF object, reference, notes, missing, buyer_municipality_id, vendor_id, case_id ON contracts
                    FOR EACH ROW EXECUTE FUNCTION public.vigie_search_text_changed('contract', 'id');
                CREATE TRIGGER search_text_request AFTER INSERT OR UPDATE OF subject, outcome_summary, public_body_id ON cada_requests
                    FOR EACH ROW EXECUTE FUNCTION public.vigie_search_text_changed('request', 'id');
                CREATE TRIGGER search_text_technology_renamed AFTER UPDATE OF name ON technologies
                    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION public.vigie_search_text_renamed();
                CREATE TRIGGER search_text_vendor_renamed AFTER UPDATE OF name ON vendors
                    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION public.vigie_search_text_renamed();
                CREATE TRIGGER search_text_municipality_renamed AFTER UPDATE OF name, department_code ON municipalities
                    FOR EACH ROW WHEN ((OLD.name, OLD.department_code) IS DISTINCT FROM (NEW.name, NEW.department_code))
                    EXECUTE FUNCTION public.vigie_search_text_renamed();
                CREATE TRIGGER search_text_department_renamed AFTER UPDATE OF name ON departments
                    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION public.vigie_search_text_renamed();
                CREATE TRIGGER search_text_body_renamed AFTER UPDATE OF name ON public_bodies
                    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION public.vigie_search_text_renamed();

                SELECT public.vigie_refresh_all_search_text();
                CREATE INDEX ix_case_search_vector ON case_search USING gin (search_vector);
                CREATE INDEX ix_contract_search_vector ON contract_search USING gin (search_vector);
                CREATE INDEX ix_request_search_vector ON request_search USING gin (search_vector);
                DROP INDEX ix_cases_search_vector;
                DROP INDEX ix_contracts_search_vector;
                DROP INDEX ix_cada_requests_search_vector;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX ix_cases_search_vector ON cases USING gin (search_vector);
                CREATE INDEX ix_contracts_search_vector ON contracts USING gin (search_vector);
                CREATE INDEX ix_cada_requests_search_vector ON cada_requests USING gin (search_vector);
                DROP TRIGGER search_text_body_renamed ON public_bodies;
                DROP TRIGGER search_text_department_renamed ON departments;
                DROP TRIGGER search_text_municipality_renamed ON municipalities;
                DROP TRIGGER search_text_vendor_renamed ON vendors;
                DROP TRIGGER search_text_technology_renamed ON technologies;
                DROP TRIGGER search_text_request ON cada_requests;
                DROP TRIGGER search_text_contract ON contracts;
                DROP TRIGGER search_text_case_vendors ON case_vendors;
                DROP TRIGGER search_text_case_technologies ON case_technologies;
                DROP TRIGGER search_text_case_moved ON cases;
                DROP TRIGGER search_text_case ON cases;
                DROP FUNCTION public.vigie_search_text_renamed();
                DROP FUNCTION public.vigie_search_text_case_moved();
                DROP FUNCTION public.vigie_search_text_changed();
                DROP FUNCTION public.vigie_refresh_all_search_text();
                DROP FUNCTION public.vigie_refresh_request_search(integer);
                DROP FUNCTION public.vigie_refresh_contract_search(integer);
                DROP FUNCTION public.vigie_refresh_case_search(integer);
                DROP FUNCTION public.vigie_request_related_text(integer);
                DROP FUNCTION public.vigie_contract_related_text(integer);
                DROP FUNCTION public.vigie_case_related_text(integer);
                DROP TABLE request_search;
                DROP TABLE contract_search;
                DROP TABLE case_search;
                """);
        }
    }
}
