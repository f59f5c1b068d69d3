using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Web.Data.Migrations
{
    /// <summary>
    /// The facet values of each case (technology and vendor slugs, public request states, contract years) and of each
    /// vendor (departments, regions and technologies of its published cases), kept in <c>case_facets</c> and
    /// <c>vendor_facets</c> by triggers, so that search filters and counts read one row instead of running four
    /// subqueries per result (the cost that dominated searches matching thousands of rows). Not in the EF model: only
    /// the search SQL reads it, and a separate table keeps the triggers away from <c>cases</c>' row version (xmin),
    /// which editors' optimistic concurrency relies on. A bulk writer (the generator) may set
    /// <c>vigie.defer_facets = on</c> for its transaction and call <c>vigie_refresh_all_case_facets()</c> at the end.
    /// </summary>
    [DbContext(typeof(VigieDbContext))]
    [Migration("20261126033000_CaseFacets")]
    public partial class CaseFacets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE case_facets (
                    case_id integer PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
                    techs text[] NOT NULL DEFAULT '{}',
                    vendors text[] NOT NULL DEFAULT '{}',
                    states text[] NOT NULL DEFAULT '{}',
                    years integer[] NOT NULL DEFAULT '{}');

                -- A vendor's facets: where its published cases are and what they use.
                CREATE TABLE vendor_facets (
                    vendor_id integer PRIMARY KEY REFERENCES vendors (id) ON DELETE CASCADE,
                    deps text[] NOT NULL DEFAULT '{}',
                    regs text[] NOT NULL DEFAULT '{}',
                    techs text[] NOT NULL DEFAULT '{}');

                CREATE FUNCTION public.vigie_refresh_vendor_facets(integer) RETURNS void
                    LANGUAGE sql
                    AS $$ INSERT INTO public.vendor_facets (vendor_id, deps, regs, techs)
                          SELECT v.id,
                                 coalesce((SELECT array_agg(DISTINCT m.department_code ORDER BY m.department_code) FROM public.case_vendors cv
                                           JOIN public.cases c ON c.id = cv.cases_id AND c.status = 'Published'
                                           JOIN public.municipalities m ON m.id = c.municipality_id WHERE cv.vendors_id = v.id), '{}'),
                                 coalesce((SELECT array_agg(DISTINCT m.region_code ORDER BY m.region_code) FROM public.case_vendors cv
                                           JOIN public.cases c ON c.id = cv.cases_id AND c.status = 'Published'
                                           JOIN public.municipalities m ON m.id = c.municipality_id WHERE cv.vendors_id = v.id), '{}'),
                                 coalesce((SELECT array_agg(DISTINCT t ORDER BY t) FROM public.case_vendors cv
                                           JOIN public.cases c ON c.id = cv.cases_id AND c.status = 'Published'
                                           JOIN public.case_facets f ON f.case_id = c.id CROSS JOIN unnest(f.techs) t
                                           WHERE cv.vendors_id = v.id), '{}')
                          FROM public.vendors v WHERE v.id = $1
                          ON CONFLICT (vendor_id) DO UPDATE SET deps = EXCLUDED.deps, regs = EXCLUDED.regs, techs = EXCLUDED.techs
                          WHERE (vendor_facets.deps, vendor_facets.regs, vendor_facets.techs)
                                IS DISTINCT FROM (EXCLUDED.deps, EXCLUDED.regs, EXCLUDED.techs) $$;

                CREATE FUNCTION public.vigie_refresh_case_facets(integer) RETURNS void
                    LANGUAGE sql
                    AS $$ INSERT INTO public.case_facets (case_id, techs, vendors, states, years)
                          SELECT c.id, f.techs, f.vendors, f.states, f.years
                          FROM public.cases c CROSS JOIN LATERAL public.vigie_case_facets(c.id) f WHERE c.id = $1
                          ON CONFLICT (case_id) DO UPDATE
                          SET techs = EXCLUDED.techs, vendors = EXCLUDED.vendors, states = EXCLUDED.states, years = EXCLUDED.years
                          WHERE (case_facets.techs, case_facets.vendors, case_facets.states, case_facets.years)
                                IS DISTINCT FROM (EXCLUDED.techs, EXCLUDED.vendors, EXCLUDED.states, EXCLUDED.years);
                          SELECT public.vigie_refresh_vendor_facets(cv.vendors_id) FROM public.case_vendors cv WHERE cv.cases_id = $1;
                          SELECT $$;

                CREATE FUNCTION public.vigie_refresh_all_case_facets() RETURNS void
                    LANGUAGE sql
                    AS $$ INSERT INTO public.case_facets (case_id, techs, vendors, states, years)
                          SELECT c.id, f.techs, f.vendors, f.states, f.years
                          FROM public.cases c CROSS JOIN LATERAL public.vigie_case_facets(c.id) f
                          ON CONFLICT (case_id) DO UPDATE
                          SET techs = EXCLUDED.techs, vendors = EXCLUDED.vendors, states = EXCLUDED.states, years = EXCLUDED.years
                          WHERE (case_facets.techs, case_facets.vendors, case_facets.states, case_facets.years)
                                IS DISTINCT FROM (EXCLUDED.techs, EXCLUDED.vendors, EXCLUDED.states, EXCLUDED.years);
                          SELECT public.vigie_refresh_vendor_facets(v.id) FROM public.vendors v;
                          SELECT $$;

                -- Row trigger on a table holding a case id (its column named by the trigger's argument): refreshes the
                -- facets of the case it had and of the case it has.
                CREATE FUNCTION public.vigie_case_facets_changed() RETURNS trigger
                    LANGUAGE plpgsql
                    AS $$
                    DECLARE
                        old_id integer;
                        new_id integer;
                    BEGIN
                        IF current_setting('vigie.defer_facets', true) = 'on' THEN
                            RETURN NULL;
                        END IF;
                        IF TG_OP <> 'INSERT' THEN
                            old_id := (to_jsonb(OLD) ->> TG_ARGV[0])::integer;
                        END IF;
                        IF TG_OP <> 'DELETE' THEN
                            new_id := (to_jsonb(NEW) ->> TG_ARGV[0])::integer;
                        END IF;
                        IF old_id IS NOT NULL THEN
                            PERFORM public.vigie_refresh_case_facets(old_id);
                        END IF;
                        IF new_id IS NOT NULL AND new_id IS DISTINCT FROM old_id THEN
                            PERFORM public.vigie_refresh_case_facets(new_id);
                        END IF;
                        RETURN NULL;
                    END $$;

                -- Row trigger on a table holding a vendor id: refreshes that vendor's facets.
                CREATE FUNCTION public.vigie_vendor_facets_changed() RETURNS trigger
                    LANGUAGE plpgsql
                    AS $$
                    DECLARE
                        old_id integer;
                        new_id integer;
                    BEGIN
                        IF current_setting('vigie.defer_facets', true) = 'on' THEN
                            RETURN NULL;
                        END IF;
                        IF TG_OP <> 'INSERT' THEN
                            old_id := (to_jsonb(OLD) ->> TG_ARGV[0])::integer;
                        END IF;
                        IF TG_OP <> 'DELETE' THEN
                            new_id := (to_jsonb(NEW) ->> TG_ARGV[0])::integer;
                        END IF;
                        IF old_id IS NOT NULL THEN
                            PERFORM public.vigie_refresh_vendor_facets(old_id);
                        END IF;
                        IF new_id IS NOT NULL AND new_id IS DISTINCT FROM old_id THEN
                            PERFORM public.vigie_refresh_vendor_facets(new_id);
                        END IF;
                        RETURN NULL;
                    END $$;

                -- A renamed technology or vendor slug: every case that has it.
                CREATE FUNCTION public.vigie_case_facets_slug_changed() RETURNS trigger
                    LANGUAGE plpgsql
                    AS $$
                    BEGIN
                        IF TG_TABLE_NAME = 'technologies' THEN
                            PERFORM public.vigie_refresh_case_facets(ct.cases_id) FROM public.case_technologies ct WHERE ct.technologies_id = NEW.id;
                        ELSE
                            PERFORM public.vigie_refresh_case_facets(cv.cases_id) FROM public.case_vendors cv WHERE cv.vendors_id = NEW.id;
                        END IF;
                        RETURN NULL;
                    END $$;

                CREATE TRIGGER case_facets_case AFTER INSERT ON cases
                    FOR EACH ROW EXECUTE FUNCTION public.vigie_case_facets_changed('id');
                CREATE TRIGGER case_facets_technologies AFTER INSERT OR UPDATE OR DELETE ON case_technologies
                    FOR EACH ROW EXECUTE FUNCTION public.vigie_case_facets_changed('cases_id');
                CREATE TRIGGER case_facets_vendors AFTER INSERT OR UPDATE OR DELETE ON case_vendors
                    FOR EACH ROW EXECUTE FUNCTION public.vigie_case_facets_changed('cases_id');
                CREATE TRIGGER case_facets_requests AFTER INSERT OR DELETE OR UPDATE OF case_id, state, is_public ON cada_requests
                    FOR EACH ROW EXECUTE FUNCTION public.vigie_case_facets_changed('case_id');
                CREATE TRIGGER case_facets_contracts AFTER INSERT OR DELETE OR UPDATE OF case_id, signed_on ON contracts
                    FOR EACH ROW EXECUTE FUNCTION public.vigie_case_facets_changed('case_id');
                CREATE TRIGGER case_facets_case_published AFTER UPDATE OF status, municipality_id ON cases
                    FOR EACH ROW EXECUTE FUNCTION public.vigie_case_facets_changed('id');
                CREATE TRIGGER vendor_facets_vendor AFTER INSERT ON vendors
                    FOR EACH ROW EXECUTE FUNCTION public.vigie_vendor_facets_changed('id');
                CREATE TRIGGER vendor_facets_case_vendors AFTER INSERT OR UPDATE OR DELETE ON case_vendors
                    FOR EACH ROW EXECUTE FUNCTION public.vigie_vendor_facets_changed('vendors_id');
                CREATE TRIGGER case_facets_technology_slug AFTER UPDATE OF slug ON technologies
                    FOR EACH ROW EXECUTE FUNCTION public.vigie_case_facets_slug_changed();
                CREATE TRIGGER case_facets_vendor_slug AFTER UPDATE OF slug ON vendors
                    FOR EACH ROW EXECUTE FUNCTION public.vigie_case_facets_slug_changed();

                SELECT public.vigie_refresh_all_case_facets();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER case_facets_vendor_slug ON vendors;
                DROP TRIGGER case_facets_technology_slug ON technologies;
                DROP TRIGGER case_facets_contracts ON contracts;
                DROP TRIGGER case_facets_requests ON cada_requests;
                DROP TRIGGER case_facets_vendors ON case_vendors;
                DROP TRIGGER case_facets_technologies ON case_technologies;
                DROP TRIGGER case_facets_case ON cases;
                DROP TRIGGER case_facets_case_published ON cases;
                DROP TRIGGER vendor_facets_vendor ON vendors;
                DROP TRIGGER vendor_facets_case_vendors ON case_vendors;
                DROP FUNCTION public.vigie_case_facets_slug_changed();
                DROP FUNCTION public.vigie_case_facets_changed();
                DROP FUNCTION public.vigie_vendor_facets_changed();
                DROP FUNCTION public.vigie_refresh_all_case_facets();
                DROP FUNCTION public.vigie_refresh_case_facets(integer);
                DROP FUNCTION public.vigie_refresh_vendor_facets(integer);
                DROP TABLE vendor_facets;
                DROP TABLE case_facets;
                """);
        }
    }
}
