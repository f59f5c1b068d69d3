using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Web.Data.Migrations
{
    /// <summary>
    /// The request states in <c>case_facets</c> follow the site's visibility rule (Infrastructure/Privacy/Visibility):
    /// a request marked public counts only when its campaign, if any, is public too (not a demonstration, not in
    /// preparation). Its state was counted before, so the search's "état" facet could count requests no page shows.
    /// </summary>
    [DbContext(typeof(VigieDbContext))]
    [Migration("20261204160000_PublicFacets")]
    public partial class PublicFacets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION public.vigie_case_facets(integer)
                    RETURNS TABLE (techs text[], vendors text[], states text[], years integer[])
                    LANGUAGE sql STABLE PARALLEL SAFE
                    AS $$ SELECT
                        coalesce((SELECT array_agg(t.slug ORDER BY t.slug) FROM public.case_technologies ct
                                  JOIN public.technologies t ON t.id = ct.technologies_id WHERE ct.cases_id = $1), '{}')::text[],
                        coalesce((SELECT array_agg(v.slug ORDER BY v.slug) FROM public.case_vendors cv
                                  JOIN public.vendors v ON v.id = cv.vendors_id WHERE cv.cases_id = $1), '{}')::text[],
                        coalesce((SELECT array_agg(DISTINCT r.state) FROM public.cada_requests r
                                  WHERE r.case_id = $1 AND r.is_public
                                    AND (r.campaign_id IS NULL OR EXISTS (SELECT 1 FROM public.campaigns k
                                         WHERE k.id = r.campaign_id AND NOT k.is_demonstration AND k.status <> 'Preparing'))), '{}')::text[],
                        coalesce((SELECT array_agg(DISTINCT extract(year FROM k.signed_on)::integer) FROM public.contracts k
                                  WHERE k.case_id = $1 AND k.signed_on IS NOT NULL), '{}')::integer[] $$;

                DROP TRIGGER case_facets_requests ON cada_requests;
                CREATE TRIGGER case_facets_requests AFTER INSERT OR DELETE OR UPDATE OF case_id, state, is_public, campaign_id ON cada_requests
                    FOR EACH ROW EXECUTE FUNCTION public.vigie_case_facets_changed('case_id');

                -- A campaign that becomes public (or stops being): the cases of its requests.
                CREATE FUNCTION public.vigie_case_facets_campaign_changed() RETURNS trigger
                    LANGUAGE plpgsql
                    AS $$
                    BEGIN
                        IF current_setting('vigie.defer_facets', true) = 'on' THEN
                            RETURN NULL;
                        END IF;
                        PERFORM public.vigie_refresh_case_facets(x.case_id)
                        FROM (SELECT DISTINCT r.case_id FROM public.cada_requests r WHERE r.campaign_id = NEW.id AND r.case_id IS NOT NULL) x;
                        RETURN NULL;
                    END $$;
                CREATE TRIGGER case_facets_campaigns AFTER UPDATE OF status, is_demonstration ON campaigns
                    FOR EACH ROW EXECUTE FUNCTION public.vigie_case_facets_campaign_changed();

                SELECT public.vigie_refresh_all_case_facets();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER case_facets_campaigns ON campaigns;
                DROP FUNCTION public.vigie_case_facets_campaign_changed();
                DROP TRIGGER case_facets_requests ON cada_requests;
                CREATE TRIGGER case_facets_requests AFTER INSERT OR DELETE OR UPDATE OF case_id, state, is_public ON cada_requests
                    FOR EACH ROW EXECUTE FUNCTION public.vigie_case_facets_changed('case_id');
                CREATE OR REPLACE FUNCTION public.vigie_case_facets(integer)
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
                SELECT public.vigie_refresh_all_case_facets();
                """);
        }
    }
}
