using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data.Entities;
using Vigie.Web.Infrastructure.Security;

namespace Vigie.Tests.Security;

/// <summary>
/// Every endpoint of the app, and what each kind of visitor gets from it. The test enumerates the app's
/// endpoint data source: an endpoint missing from <see cref="Matrix"/> fails it, so nobody adds a route
/// without deciding who may use it.
/// Outcomes: an HTTP status ("200", "404"…), "login" (redirect to the login form) or "denied"
/// (redirect to the access-denied page). POSTs are sent with a valid antiforgery token and an empty
/// form, so they test authorization, not validation.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Fixture fixture) : IClassFixture<AuthorizationMatrixTests.Fixture>
{
    public enum Persona { Anonymous, Volunteer, OtherVolunteer, Editor, Admin }

    /// <summary>Expected outcome per persona, in the order of <see cref="Persona"/>.</summary>
    public sealed record Row(string Method, string Route, string Sample, string Anonymous, string Volunteer, string OtherVolunteer, string Editor, string Admin)
    {
        public string Expected(Persona persona) => persona switch
        {
            Persona.Anonymous => Anonymous,
            Persona.Volunteer => Volunteer,
            Persona.OtherVolunteer => OtherVolunteer,
            Persona.Editor => Editor,
            _ => Admin,
        };
    }

    /// <summary>Placeholders in samples: {draft} a draft case of the volunteer, {invitation} a valid invitation token,
    /// {invitationId} an invitation of the editor, {userId} a spare account, {privateDocument} a private document of
    /// the volunteer's draft (with a processed file); {source}, {contract}, {funding}, {timelineEvent} and {quote} parts of the
    /// draft, {vendor} and {technology} catalogue entries, {request} a private request of the volunteer with its events
    /// {event} and {deletable}, {body} a public body other than a commune, {export} a failed export.</summary>
    public static readonly Row[] Matrix =
    [
        // Public pages
        new("GET", "/", "/", "200", "200", "200", "200", "200"),
        new("GET", "dossiers", "/dossiers", "200", "200", "200", "200", "200"),
        new("GET", "dossiers/{slug:regex(^[a-z0-9-]+$)}", "/dossiers/elancourt", "200", "200", "200", "200", "200"),
        new("GET", "dossiers/{slug}.pdf", "/dossiers/elancourt.pdf", "200", "200", "200", "200", "200"),
        new("GET", "communes", "/communes", "200", "200", "200", "200", "200"),
        new("GET", "communes/{code}", "/communes/78208", "200", "200", "200", "200", "200"),
        new("GET", "prestataires", "/prestataires", "200", "200", "200", "200", "200"),
        new("GET", "prestataires/{slug}", "/prestataires/genetec", "200", "200", "200", "200", "200"),
        new("GET", "technologies", "/technologies", "200", "200", "200", "200", "200"),
        new("GET", "technologies/{slug}", "/technologies/lapi", "200", "200", "200", "200", "200"),
        // Campaigns: {campaign} is running (public), organised by the editor. Its list of targets and the states of its public
        // requests are public; who claimed what is the team's (see the tests of the campaign pages).
        new("GET", "campagnes", "/campagnes", "200", "200", "200", "200", "200"),
        new("GET", "campagnes/{slug}", "/campagnes/{campaign}", "200", "200", "200", "200", "200"),
        new("GET", "campagnes/{slug}/export.csv", "/campagnes/{campaign}/export.csv", "200", "200", "200", "200", "200"),
        new("*", "/healthz", "/healthz", "200", "200", "200", "200", "200"),
        new("GET", "carte", "/carte", "200", "200", "200", "200", "200"),
        new("GET", "flux/dossiers.atom", "/flux/dossiers.atom", "200", "200", "200", "200", "200"),
        new("GET", "communes/{code}/flux.atom", "/communes/78208/flux.atom", "200", "200", "200", "200", "200"),
        new("GET", "technologies/{slug}/flux.atom", "/technologies/lapi/flux.atom", "200", "200", "200", "200", "200"),
        new("GET", "prestataires/{slug}/flux.atom", "/prestataires/genetec/flux.atom", "200", "200", "200", "200", "200"),
        new("GET", "export", "/export", "200", "200", "200", "200", "200"),
        new("POST", "export", "/export", "302", "302", "302", "302", "302"),
        new("GET", "export/{id:guid}", "/export/{export}", "200", "200", "200", "200", "200"),
        new("GET", "export/{id:guid}/archive", "/export/{export}/archive", "404", "404", "404", "404", "404"),
        // The exception handler's page, visited directly, has no error to report.
        new("*", "/erreur", "/erreur", "404", "404", "404", "404", "404"),
        new("*", "/erreur/{code:int}", "/erreur/404", "404", "404", "404", "404", "404"),
        new("*", "{**path}", "/nulle/part", "404", "404", "404", "404", "404"),

        // Accounts
        new("GET", "/connexion", "/connexion", "200", "302", "302", "302", "302"),
        new("POST", "/connexion", "/connexion", "200", "200", "200", "200", "200"),
        new("POST", "/deconnexion", "/deconnexion", "302", "302", "302", "302", "302"),
        new("GET", "/acces-refuse", "/acces-refuse", "403", "403", "403", "403", "403"),
        new("GET", "/mot-de-passe-oublie", "/mot-de-passe-oublie", "200", "200", "200", "200", "200"),
        new("POST", "/mot-de-passe-oublie", "/mot-de-passe-oublie", "200", "200", "200", "200", "200"),
        new("GET", "/mot-de-passe/reinitialiser", "/mot-de-passe/reinitialiser", "400", "400", "400", "400", "400"),
        new("POST", "/mot-de-passe/reinitialiser", "/mot-de-passe/reinitialiser", "200", "200", "200", "200", "200"),
        new("GET", "/compte", "/compte", "login", "200", "200", "200", "200"),
        new("POST", "/compte", "/compte", "login", "200", "200", "200", "200"),
        new("GET", "/compte/mot-de-passe", "/compte/mot-de-passe", "login", "200", "200", "200", "200"),
        new("POST", "/compte/mot-de-passe", "/compte/mot-de-passe", "login", "200", "200", "200", "200"),
        new("GET", "/invitation/{token}", "/invitation/{invitation}", "200", "200", "200", "200", "200"),
        new("POST", "/invitation/{token}", "/invitation/{invitation}", "200", "200", "200", "200", "200"),
        // Without the code mailed to the invited address, nothing to confirm.
        new("GET", "/invitation/{token}/confirmer", "/invitation/{invitation}/confirmer", "410", "410", "410", "410", "410"),
        new("POST", "/invitation/{token}/confirmer", "/invitation/{invitation}/confirmer", "410", "410", "410", "410", "410"),
        new("GET", "/inscription", "/inscription", "404", "404", "404", "404", "404"),
        new("POST", "/inscription", "/inscription", "404", "404", "404", "404", "404"),
        new("GET", "/espace", "/espace", "login", "200", "200", "200", "200"),

        // Team and administration
        new("GET", "equipe/invitations", "/equipe/invitations", "login", "denied", "denied", "200", "200"),
        new("POST", "equipe/invitations", "/equipe/invitations", "login", "denied", "denied", "302", "302"),
        new("POST", "equipe/invitations/{id:int}/revoquer", "/equipe/invitations/{invitationId}/revoquer", "login", "denied", "denied", "302", "302"),
        new("GET", "admin/utilisateurs", "/admin/utilisateurs", "login", "denied", "denied", "denied", "200"),
        new("POST", "admin/utilisateurs/{id:int}/role", "/admin/utilisateurs/{userId}/role", "login", "denied", "denied", "denied", "400"),
        new("POST", "admin/utilisateurs/{id:int}/verrouiller", "/admin/utilisateurs/{userId}/verrouiller", "login", "denied", "denied", "denied", "302"),
        new("POST", "admin/utilisateurs/{id:int}/deverrouiller", "/admin/utilisateurs/{userId}/deverrouiller", "login", "denied", "denied", "denied", "302"),
        new("GET", "admin/journal", "/admin/journal", "login", "denied", "denied", "denied", "200"),

        // Requests: {request} is a private request of the volunteer; another volunteer must not learn it exists.
        new("GET", "demandes", "/demandes", "login", "200", "200", "200", "200"),
        new("GET", "demandes/suivi", "/demandes/suivi", "login", "200", "200", "200", "200"),
        new("GET", "demandes/nouvelle", "/demandes/nouvelle", "login", "200", "200", "200", "200"),
        new("POST", "demandes/nouvelle", "/demandes/nouvelle", "login", "400", "400", "400", "400"),
        new("GET", "demandes/{id:int}", "/demandes/{request}", "login", "200", "404", "200", "200"),
        new("GET", "demandes/{id:int}/modifier", "/demandes/{request}/modifier", "login", "200", "404", "200", "200"),
        new("POST", "demandes/{id:int}/modifier", "/demandes/{request}/modifier", "login", "400", "404", "400", "400"),
        new("GET", "demandes/{id:int}/evenements/nouveau/{type}", "/demandes/{request}/evenements/nouveau/reception", "login", "200", "404", "200", "200"),
        new("POST", "demandes/{id:int}/evenements/nouveau/{type}", "/demandes/{request}/evenements/nouveau/reception", "login", "400", "404", "400", "400"),
        new("GET", "demandes/{id:int}/evenements/{eventId:int}/modifier", "/demandes/{request}/evenements/{event}/modifier", "login", "200", "404", "200", "200"),
        new("POST", "demandes/{id:int}/evenements/{eventId:int}/modifier", "/demandes/{request}/evenements/{event}/modifier", "login", "400", "404", "400", "400"),
        // The volunteer deletes {deletable}; for the editor and the admin it is then gone.
        new("POST", "demandes/{id:int}/evenements/{eventId:int}/supprimer", "/demandes/{request}/evenements/{deletable}/supprimer", "login", "302", "404", "404", "404"),
        new("GET", "demandes/{id:int}/historique", "/demandes/{request}/historique", "login", "200", "404", "200", "200"),
        new("GET", "demandes/{id:int}/renouveler", "/demandes/{request}/renouveler", "login", "200", "404", "200", "200"),
        new("GET", "demandes/{id:int}/courriers/{letter}", "/demandes/{request}/courriers/saisine-cada", "login", "200", "404", "200", "200"),
        new("GET", "demandes/{id:int}/courriers/{letter}.pdf", "/demandes/{request}/courriers/demande.pdf", "login", "200", "404", "200", "200"),
        // The first JSON endpoints moved to /api/v1 (permanent redirects).
        new("GET", "api/demandes", "/api/demandes", "301", "301", "301", "301", "301"),
        new("GET", "api/demandes/{id:int}", "/api/demandes/{request}", "301", "301", "301", "301", "301"),


        // Campaigns, the team's side. Organisers (editors listed on the campaign) and admins manage; members claim.
        new("GET", "campagnes/nouvelle", "/campagnes/nouvelle", "login", "denied", "denied", "200", "200"),
        new("POST", "campagnes/nouvelle", "/campagnes/nouvelle", "login", "denied", "denied", "400", "400"),
        new("GET", "campagnes/{slug}/modifier", "/campagnes/{campaign}/modifier", "login", "denied", "denied", "200", "200"),
        // An empty form carries no version: refused as stale (409), nothing written.
        new("POST", "campagnes/{slug}/modifier", "/campagnes/{campaign}/modifier", "login", "denied", "denied", "409", "409"),
        new("GET", "campagnes/{slug}/cibles", "/campagnes/{campaign}/cibles", "login", "denied", "denied", "200", "200"),
        new("POST", "campagnes/{slug}/cibles", "/campagnes/{campaign}/cibles", "login", "denied", "denied", "400", "400"),
        new("POST", "campagnes/{slug}/cibles/retirer", "/campagnes/{campaign}/cibles/retirer", "login", "denied", "denied", "302", "302"),
        new("POST", "campagnes/{slug}/demandes", "/campagnes/{campaign}/demandes", "login", "denied", "denied", "302", "302"),
        new("GET", "campagnes/{slug}/creation/{id:guid}", "/campagnes/{campaign}/creation/{campaignJob}", "login", "200", "200", "200", "200"),
        new("POST", "campagnes/{slug}/envoi", "/campagnes/{campaign}/envoi", "login", "denied", "denied", "400", "400"),
        new("GET", "campagnes/{slug}/courriers.zip", "/campagnes/{campaign}/courriers.zip?type=demande", "login", "denied", "denied", "200", "200"),
        // The volunteer claims {claimTarget}; it is then taken for everyone else (409).
        new("POST", "campagnes/{slug}/cibles/{targetId:int}/reserver", "/campagnes/{campaign}/cibles/{claimTarget}/reserver", "login", "302", "409", "409", "409"),
        // {releaseTarget} is the volunteer's: they free it; then there is nothing left to free (409).
        new("POST", "campagnes/{slug}/cibles/{targetId:int}/liberer", "/campagnes/{campaign}/cibles/{releaseTarget}/liberer", "login", "302", "409", "409", "409"),
        // An empty choice frees the target.
        new("POST", "campagnes/{slug}/cibles/{targetId:int}/attribuer", "/campagnes/{campaign}/cibles/{assignTarget}/attribuer", "login", "denied", "denied", "302", "302"),
        // The editor starts the draft case; the admin is then sent to it.
        new("POST", "campagnes/{slug}/cibles/{targetId:int}/dossier", "/campagnes/{campaign}/cibles/{caseTarget}/dossier", "login", "denied", "denied", "302", "302"),

        // Public bodies: members look them up, editors maintain them.
        new("GET", "organismes", "/organismes", "login", "200", "200", "200", "200"),
        new("GET", "organismes/nouveau", "/organismes/nouveau", "login", "denied", "denied", "200", "200"),
        new("POST", "organismes/nouveau", "/organismes/nouveau", "login", "denied", "denied", "400", "400"),
        new("GET", "organismes/{id:int}/modifier", "/organismes/{body}/modifier", "login", "denied", "denied", "200", "200"),
        new("POST", "organismes/{id:int}/modifier", "/organismes/{body}/modifier", "login", "denied", "denied", "400", "400"),
        // Documents: {privateDocument} is a private document the volunteer uploaded to their draft.
        new("GET", "documents", "/documents?q=plaques", "200", "200", "200", "200", "200"),
        new("GET", "documents/{id:int}", "/documents/{privateDocument}", "404", "200", "404", "200", "200"),
        new("GET", "documents/{id:int}/fichier", "/documents/{privateDocument}/fichier", "404", "200", "404", "200", "200"),
        new("GET", "documents/{id:int}/telecharger", "/documents/{privateDocument}/telecharger", "404", "200", "404", "200", "200"),
        new("GET", "documents/{id:int}/pages/{page:int}/apercu", "/documents/{privateDocument}/pages/1/apercu", "404", "200", "404", "200", "200"),
        new("GET", "documents/{id:int}/modifier", "/documents/{privateDocument}/modifier", "login", "200", "404", "200", "200"),
        new("POST", "documents/{id:int}/modifier", "/documents/{privateDocument}/modifier", "login", "200", "404", "200", "200"),
        new("GET", "documents/ajouter", "/documents/ajouter?dossier={draft}", "login", "200", "404", "200", "200"),
        // A form-urlencoded body is no upload: 400 once authorized.
        new("POST", "documents/ajouter", "/documents/ajouter?dossier={draft}", "login", "400", "404", "400", "400"),
        new("GET", "api/documents", "/api/documents?q=plaques", "301", "301", "301", "301", "301"),
        new("GET", "api/documents/{id:int}", "/api/documents/{privateDocument}", "301", "301", "301", "301", "301"),

        // Search, browse, open data: public to everyone.
        new("GET", "recherche", "/recherche?q=genetec&departement=78", "200", "200", "200", "200", "200"),
        new("GET", "recherche/resultats.csv", "/recherche/resultats.csv?q=genetec", "200", "200", "200", "200", "200"),
        new("GET", "recherche/suggestions", "/recherche/suggestions?q=elanc", "200", "200", "200", "200", "200"),
        new("GET", "marches", "/marches?tri=montant", "200", "200", "200", "200", "200"),
        new("GET", "demandes-cada", "/demandes-cada", "200", "200", "200", "200", "200"),
        new("GET", "donnees", "/donnees", "200", "200", "200", "200", "200"),
        new("GET", "donnees/{name}.csv", "/donnees/dossiers.csv", "200", "200", "200", "200", "200"),
        new("GET", "donnees/{name}.json", "/donnees/demandes.json", "200", "200", "200", "200", "200"),

        // The public API: the same answer whoever asks; a private request or document is 404 even for its owner or an editor.
        new("GET", "api", "/api", "200", "200", "200", "200", "200"),
        new("GET", "openapi/{documentName:regex(^v1$)}.json", "/openapi/v1.json", "200", "200", "200", "200", "200"),
        new("GET", "api/v1/cases", "/api/v1/cases", "200", "200", "200", "200", "200"),
        new("GET", "api/v1/cases/{slug}", "/api/v1/cases/elancourt", "200", "200", "200", "200", "200"),
        new("GET", "api/v1/communes", "/api/v1/communes?departement=78", "200", "200", "200", "200", "200"),
        new("GET", "api/v1/communes/{code}", "/api/v1/communes/78208", "200", "200", "200", "200", "200"),
        new("GET", "api/v1/vendors", "/api/v1/vendors", "200", "200", "200", "200", "200"),
        new("GET", "api/v1/vendors/{slug}", "/api/v1/vendors/genetec", "200", "200", "200", "200", "200"),
        new("GET", "api/v1/technologies", "/api/v1/technologies", "200", "200", "200", "200", "200"),
        new("GET", "api/v1/contracts", "/api/v1/contracts", "200", "200", "200", "200", "200"),
        new("GET", "api/v1/requests", "/api/v1/requests", "200", "200", "200", "200", "200"),
        new("GET", "api/v1/requests/{id:int}", "/api/v1/requests/{request}", "404", "404", "404", "404", "404"),
        new("GET", "api/v1/documents", "/api/v1/documents", "200", "200", "200", "200", "200"),
        new("GET", "api/v1/documents/{id:int}", "/api/v1/documents/{privateDocument}", "404", "404", "404", "404", "404"),
        new("GET", "api/v1/search", "/api/v1/search?q=genetec", "200", "200", "200", "200", "200"),
        // Case editing: the team's case list and forms. {draft} is a Draft case of the volunteer; empty POSTs are refused
        // by validation (400) or, when the form carries a version, as a stale version (409): nothing is written.
        new("GET", "edition/dossiers", "/edition/dossiers", "login", "200", "200", "200", "200"),
        new("GET", "edition/dossiers/nouveau", "/edition/dossiers/nouveau", "login", "200", "200", "200", "200"),
        new("POST", "edition/dossiers/nouveau", "/edition/dossiers/nouveau", "login", "400", "400", "400", "400"),
        new("GET", "edition/dossiers/{id:int}", "/edition/dossiers/{draft}", "login", "200", "404", "200", "200"),
        new("POST", "edition/dossiers/{id:int}", "/edition/dossiers/{draft}", "login", "400", "404", "400", "400"),
        new("POST", "edition/dossiers/{id:int}/statut", "/edition/dossiers/{draft}/statut", "login", "409", "404", "409", "409"),
        new("GET", "edition/dossiers/{caseId:int}/historique", "/edition/dossiers/{draft}/historique", "login", "200", "404", "200", "200"),
        new("GET", "edition/dossiers/{caseId:int}/historique/{number:int}", "/edition/dossiers/{draft}/historique/1", "login", "200", "404", "200", "200"),
        new("POST", "edition/dossiers/{caseId:int}/historique/{number:int}/restaurer", "/edition/dossiers/{draft}/historique/1/restaurer", "login", "denied", "denied", "409", "409"),
        new("GET", "edition/dossiers/{caseId:int}/sources", "/edition/dossiers/{draft}/sources", "login", "200", "404", "200", "200"),
        new("GET", "edition/dossiers/{caseId:int}/sources/nouveau", "/edition/dossiers/{draft}/sources/nouveau", "login", "200", "404", "200", "200"),
        new("POST", "edition/dossiers/{caseId:int}/sources/nouveau", "/edition/dossiers/{draft}/sources/nouveau", "login", "400", "404", "400", "400"),
        new("GET", "edition/dossiers/{caseId:int}/sources/{id:int}", "/edition/dossiers/{draft}/sources/{source}", "login", "200", "404", "200", "200"),
        new("POST", "edition/dossiers/{caseId:int}/sources/{id:int}", "/edition/dossiers/{draft}/sources/{source}", "login", "409", "404", "409", "409"),
        new("GET", "edition/dossiers/{caseId:int}/sources/{id:int}/supprimer", "/edition/dossiers/{draft}/sources/{source}/supprimer", "login", "200", "404", "200", "200"),
        new("POST", "edition/dossiers/{caseId:int}/sources/{id:int}/supprimer", "/edition/dossiers/{draft}/sources/{source}/supprimer", "login", "409", "404", "409", "409"),
        new("GET", "edition/dossiers/{caseId:int}/marches", "/edition/dossiers/{draft}/marches", "login", "200", "404", "200", "200"),
        new("GET", "edition/dossiers/{caseId:int}/marches/nouveau", "/edition/dossiers/{draft}/marches/nouveau", "login", "200", "404", "200", "200"),
        new("POST", "edition/dossiers/{caseId:int}/marches/nouveau", "/edition/dossiers/{draft}/marches/nouveau", "login", "400", "404", "400", "400"),
        new("GET", "edition/dossiers/{caseId:int}/marches/{id:int}", "/edition/dossiers/{draft}/marches/{contract}", "login", "200", "404", "200", "200"),
        new("POST", "edition/dossiers/{caseId:int}/marches/{id:int}", "/edition/dossiers/{draft}/marches/{contract}", "login", "409", "404", "409", "409"),
        new("GET", "edition/dossiers/{caseId:int}/marches/{id:int}/supprimer", "/edition/dossiers/{draft}/marches/{contract}/supprimer", "login", "200", "404", "200", "200"),
        new("POST", "edition/dossiers/{caseId:int}/marches/{id:int}/supprimer", "/edition/dossiers/{draft}/marches/{contract}/supprimer", "login", "409", "404", "409", "409"),
        new("GET", "edition/dossiers/{caseId:int}/financements", "/edition/dossiers/{draft}/financements", "login", "200", "404", "200", "200"),
        new("GET", "edition/dossiers/{caseId:int}/financements/nouveau", "/edition/dossiers/{draft}/financements/nouveau", "login", "200", "404", "200", "200"),
        new("POST", "edition/dossiers/{caseId:int}/financements/nouveau", "/edition/dossiers/{draft}/financements/nouveau", "login", "400", "404", "400", "400"),
        new("GET", "edition/dossiers/{caseId:int}/financements/{id:int}", "/edition/dossiers/{draft}/financements/{funding}", "login", "200", "404", "200", "200"),
        new("POST", "edition/dossiers/{caseId:int}/financements/{id:int}", "/edition/dossiers/{draft}/financements/{funding}", "login", "409", "404", "409", "409"),
        new("GET", "edition/dossiers/{caseId:int}/financements/{id:int}/supprimer", "/edition/dossiers/{draft}/financements/{funding}/supprimer", "login", "200", "404", "200", "200"),
        new("POST", "edition/dossiers/{caseId:int}/financements/{id:int}/supprimer", "/edition/dossiers/{draft}/financements/{funding}/supprimer", "login", "409", "404", "409", "409"),
        new("GET", "edition/dossiers/{caseId:int}/chronologie", "/edition/dossiers/{draft}/chronologie", "login", "200", "404", "200", "200"),
        new("GET", "edition/dossiers/{caseId:int}/chronologie/nouveau", "/edition/dossiers/{draft}/chronologie/nouveau", "login", "200", "404", "200", "200"),
        new("POST", "edition/dossiers/{caseId:int}/chronologie/nouveau", "/edition/dossiers/{draft}/chronologie/nouveau", "login", "400", "404", "400", "400"),
        new("GET", "edition/dossiers/{caseId:int}/chronologie/{id:int}", "/edition/dossiers/{draft}/chronologie/{timelineEvent}", "login", "200", "404", "200", "200"),
        new("POST", "edition/dossiers/{caseId:int}/chronologie/{id:int}", "/edition/dossiers/{draft}/chronologie/{timelineEvent}", "login", "409", "404", "409", "409"),
        new("GET", "edition/dossiers/{caseId:int}/chronologie/{id:int}/supprimer", "/edition/dossiers/{draft}/chronologie/{timelineEvent}/supprimer", "login", "200", "404", "200", "200"),
        new("POST", "edition/dossiers/{caseId:int}/chronologie/{id:int}/supprimer", "/edition/dossiers/{draft}/chronologie/{timelineEvent}/supprimer", "login", "409", "404", "409", "409"),
        new("GET", "edition/dossiers/{caseId:int}/citations", "/edition/dossiers/{draft}/citations", "login", "200", "404", "200", "200"),
        new("GET", "edition/dossiers/{caseId:int}/citations/nouveau", "/edition/dossiers/{draft}/citations/nouveau", "login", "200", "404", "200", "200"),
        new("POST", "edition/dossiers/{caseId:int}/citations/nouveau", "/edition/dossiers/{draft}/citations/nouveau", "login", "400", "404", "400", "400"),
        new("GET", "edition/dossiers/{caseId:int}/citations/{id:int}", "/edition/dossiers/{draft}/citations/{quote}", "login", "200", "404", "200", "200"),
        new("POST", "edition/dossiers/{caseId:int}/citations/{id:int}", "/edition/dossiers/{draft}/citations/{quote}", "login", "409", "404", "409", "409"),
        new("GET", "edition/dossiers/{caseId:int}/citations/{id:int}/supprimer", "/edition/dossiers/{draft}/citations/{quote}/supprimer", "login", "200", "404", "200", "200"),
        new("POST", "edition/dossiers/{caseId:int}/citations/{id:int}/supprimer", "/edition/dossiers/{draft}/citations/{quote}/supprimer", "login", "409", "404", "409", "409"),
        new("GET", "edition/communes", "/edition/communes?q=elancourt", "login", "200", "200", "200", "200"),
        new("GET", "edition/prestataires", "/edition/prestataires", "login", "denied", "denied", "200", "200"),
        new("GET", "edition/prestataires/nouveau", "/edition/prestataires/nouveau", "login", "denied", "denied", "200", "200"),
        new("POST", "edition/prestataires/nouveau", "/edition/prestataires/nouveau", "login", "denied", "denied", "400", "400"),
        new("GET", "edition/prestataires/{id:int}", "/edition/prestataires/{vendor}", "login", "denied", "denied", "200", "200"),
        new("POST", "edition/prestataires/{id:int}", "/edition/prestataires/{vendor}", "login", "denied", "denied", "409", "409"),
        new("GET", "edition/technologies", "/edition/technologies", "login", "denied", "denied", "200", "200"),
        new("GET", "edition/technologies/nouveau", "/edition/technologies/nouveau", "login", "denied", "denied", "200", "200"),
        new("POST", "edition/technologies/nouveau", "/edition/technologies/nouveau", "login", "denied", "denied", "400", "400"),
        new("GET", "edition/technologies/{id:int}", "/edition/technologies/{technology}", "login", "denied", "denied", "200", "200"),
        new("POST", "edition/technologies/{id:int}", "/edition/technologies/{technology}", "login", "denied", "denied", "409", "409"),
    ];

    /// <summary>The app, a member per persona, and the data the samples refer to.</summary>
    public sealed class Fixture : VigieFactory, IAsyncLifetime
    {
        public Dictionary<Persona, string> Cookies { get; } = [];

        public static readonly Dictionary<Persona, string> Emails = new()
        {
            [Persona.Volunteer] = "matrice-benevole@example.org",
            [Persona.OtherVolunteer] = "matrice-autre@example.org",
            [Persona.Editor] = "matrice-editeur@example.org",
            [Persona.Admin] = "matrice-admin@example.org",
        };

        /// <summary>The cookie of a new session: sessions live on the server, so one that a row ends is ended for good.</summary>
        public async Task<string> SignInCookiesAsync(string email)
        {
            using var client = await this.SignedInClientAsync(email);
            using var probe = await client.GetAsync(new Uri("/espace", UriKind.Relative));
            return string.Join("; ", probe.RequestMessage!.Headers.GetValues("Cookie"));
        }
        public Dictionary<string, string> Values { get; } = [];

        async Task IAsyncLifetime.InitializeAsync()
        {
            await InitializeAsync();
            var volunteer = await this.CreateAsync("matrice-benevole@example.org", Roles.Volunteer);
            await this.CreateAsync("matrice-autre@example.org", Roles.Volunteer);
            var editor = await this.CreateAsync("matrice-editeur@example.org", Roles.Editor);
            await this.CreateAsync("matrice-admin@example.org", Roles.Admin);
            var spare = await this.CreateAsync("matrice-cible@example.org", Roles.Volunteer);
            Values["userId"] = spare.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

            await using var db = CreateDbContext();
            var commune = await db.Municipalities.SingleAsync(m => m.InseeCode == "69123");
            var draft = new Case { Slug = "brouillon-matrice", Title = "Brouillon", MunicipalityId = commune.Id, Status = CaseStatus.Draft, CreatedById = volunteer.Id };
            db.Cases.Add(draft);
            var token = Tokens.New();
            db.Invitations.Add(new Invitation { TokenHash = Tokens.Hash(token), Role = Roles.Volunteer, CreatedById = editor.Id, CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddDays(7) });
            var revocable = new Invitation { TokenHash = Tokens.Hash(Tokens.New()), Role = Roles.Volunteer, CreatedById = editor.Id, CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddDays(7) };
            db.Invitations.Add(revocable);
            await db.SaveChangesAsync();
            var seedFile = await db.Documents.Where(d => d.FileId != null).Select(d => d.FileId).FirstAsync();
            var privateDocument = new Document { Title = "Courrier privé", Kind = DocumentKind.Courrier, CaseId = draft.Id, FileId = seedFile, FileName = "courrier.pdf", UploadedById = volunteer.Id, UploadedAt = DateTimeOffset.UtcNow };
            db.Documents.Add(privateDocument);
            await db.SaveChangesAsync();
            Values["privateDocument"] = privateDocument.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var failedExport = new ExportJob { Id = Guid.NewGuid(), CreatedAt = DateTimeOffset.UtcNow, Status = ExportStatus.Failed, FilterKey = "matrice", Error = "Échec de test." };
            db.ExportJobs.Add(failedExport);
            await db.SaveChangesAsync();
            Values["export"] = failedExport.Id.ToString();
            Values["draft"] = draft.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await AddDraftPartsAsync(db, draft);
            Values["invitation"] = token;
            Values["invitationId"] = revocable.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

            var lyon = await db.PublicBodies.SingleAsync(b => b.Kind == PublicBodyKind.Commune && b.MunicipalityId == commune.Id);
            var metropole = new PublicBody { Kind = PublicBodyKind.Intercommunality, Name = "Métropole de Lyon", Slug = "metropole-de-lyon", DepartmentCode = "69" };
            db.PublicBodies.Add(metropole);
            var sent = new CadaRequestEvent { Kind = Vigie.Web.Features.Requests.Deadlines.RequestEventKind.Sent, OccurredOn = new DateOnly(2026, 1, 5), AuthorId = volunteer.Id };
            var deletable = new CadaRequestEvent { Kind = Vigie.Web.Features.Requests.Deadlines.RequestEventKind.ReminderSent, OccurredOn = new DateOnly(2026, 1, 20), AuthorId = volunteer.Id };
            var request = new CadaRequest
            {
                Subject = "Marché de vidéoprotection",
                PublicBodyId = lyon.Id,
                RequesterId = volunteer.Id,
                RequestedDocuments = [new RequestedDocument { Title = "Acte d'engagement", Position = 1 }],
                Events = [sent, deletable],
            };
            db.CadaRequests.Add(request);
            await db.SaveChangesAsync();
            Values["request"] = request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Values["event"] = sent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Values["deletable"] = deletable.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Values["body"] = metropole.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await AddCampaignAsync(db, volunteer.Id, editor.Id);

            foreach (var (persona, email) in Emails)
            {
                Cookies[persona] = await SignInCookiesAsync(email);
            }
            Cookies[Persona.Anonymous] = "";
        }

        /// <summary>A running campaign organised by the editor, with four targets and their requests, one claimed by the volunteer.</summary>
        private async Task AddCampaignAsync(Vigie.Web.Data.VigieDbContext db, int volunteerId, int editorId)
        {
            var codes = new[] { "78208", "78646", "78551", "78005" };
            var bodies = await db.PublicBodies.Where(b => b.Kind == PublicBodyKind.Commune && codes.Contains(b.Municipality!.InseeCode))
                .Select(b => new { b.Id, b.Municipality!.InseeCode }).ToDictionaryAsync(b => b.InseeCode, b => b.Id);
            var campaign = new Campaign
            {
                Slug = "campagne-matrice",
                Title = "Campagne de la matrice",
                Subject = "Contrats de vidéoprotection",
                Status = CampaignStatus.Running,
                RequestsArePublic = true,
                Documents = [new CampaignDocument { Title = "Acte d'engagement", Position = 1 }],
                Organisers = [new CampaignOrganiser { UserId = editorId }],
                Targets = codes.Select(c => new CampaignTarget { PublicBodyId = bodies[c] }).ToList(),
            };
            db.Campaigns.Add(campaign);
            var job = new CampaignJob { Id = Guid.NewGuid(), Campaign = campaign, Status = CampaignJobStatus.Failed, Error = "Échec de test.", CreatedAt = DateTimeOffset.UtcNow };
            db.CampaignJobs.Add(job);
            await db.SaveChangesAsync();
            await using (var scope = Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<Vigie.Web.Features.Campaigns.Creation.CampaignRequestCreator>().CreateMissingAsync(campaign.Id, null, default);
            }
            var targets = await db.CampaignTargets.AsNoTracking().Where(t => t.CampaignId == campaign.Id).Include(t => t.PublicBody!).ThenInclude(b => b.Municipality).ToListAsync();
            int Target(string code) => targets.Single(t => t.PublicBody!.Municipality!.InseeCode == code).Id;
            var released = targets.Single(t => t.PublicBody!.Municipality!.InseeCode == "78646").CadaRequestId;
            await db.CadaRequests.Where(r => r.Id == released).ExecuteUpdateAsync(s => s.SetProperty(r => r.RequesterId, volunteerId));
            string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Values["campaign"] = campaign.Slug;
            Values["campaignJob"] = job.Id.ToString();
            Values["claimTarget"] = Id(Target("78208"));
            Values["releaseTarget"] = Id(Target("78646"));
            Values["assignTarget"] = Id(Target("78551"));
            Values["caseTarget"] = Id(Target("78005"));
        }

        /// <summary>One part of each kind in the draft, its first revision, and catalogue entries to edit.</summary>
        private async Task AddDraftPartsAsync(Vigie.Web.Data.VigieDbContext db, Case draft)
        {
            var source = new Source { CaseId = draft.Id, Number = 1, Url = "https://example.org/matrice", Title = "Source de la matrice" };
            db.Sources.Add(source);
            await db.SaveChangesAsync();
            var contract = new Contract { CaseId = draft.Id, Object = "Marché de la matrice", SourceId = source.Id };
            var funding = new Funding { CaseId = draft.Id, Label = "Financement de la matrice", AmountEuros = 1000 };
            var timelineEvent = new TimelineEvent { CaseId = draft.Id, OccurredOn = new DateOnly(2020, 1, 1), OccurredOnPrecision = DatePrecision.Year, Title = "Événement de la matrice" };
            var quote = new Quote { CaseId = draft.Id, Speaker = "Quelqu'un", Text = "Une phrase." };
            db.AddRange(contract, funding, timelineEvent, quote);
            await db.SaveChangesAsync();
            db.Revisions.Add(new Revision
            {
                CaseId = draft.Id,
                Number = 1,
                At = DateTimeOffset.UtcNow,
                AuthorId = draft.CreatedById,
                Kind = RevisionKind.Created,
                Summary = "Dossier créé",
                Snapshot = await Vigie.Web.Features.Editing.Revisions.CaseSnapshots.CaptureAsync(db, draft.Id, default),
            });
            await db.SaveChangesAsync();
            string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Values["source"] = Id(source.Id);
            Values["contract"] = Id(contract.Id);
            Values["funding"] = Id(funding.Id);
            Values["timelineEvent"] = Id(timelineEvent.Id);
            Values["quote"] = Id(quote.Id);
            Values["vendor"] = Id((await db.Vendors.FirstAsync(v => v.Slug == "genetec")).Id);
            Values["technology"] = Id((await db.Technologies.FirstAsync(t => t.Slug == "lapi")).Id);
        }

        public string Fill(string sample) =>
            Values.Aggregate(sample, (path, value) => path.Replace("{" + value.Key + "}", value.Value, StringComparison.Ordinal));
    }

    private static IEnumerable<(string Method, string Route)> AppEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
                return methods is null || methods.Count == 0 ? ["*"] : methods.AsEnumerable();
            }, (e, method) => (Method: method, Route: Normalize(e.RoutePattern.RawText)))
            .Distinct();

    /// <summary>Attribute routes keep or drop the leading slash depending on how they were written.</summary>
    private static string Normalize(string? route) => (route ?? "").TrimStart('/');

    [Fact]
    public void Every_endpoint_is_in_the_matrix()
    {
        var listed = Matrix.Select(r => (r.Method, Route: Normalize(r.Route))).ToHashSet();
        var missing = AppEndpoints(fixture.Services).Where(e => !listed.Contains(e)).ToList();
        Assert.True(missing.Count == 0, "Endpoints missing from the authorization matrix: " + string.Join(", ", missing.Select(m => $"{m.Method} {m.Route}")));
        var stale = listed.Except(AppEndpoints(fixture.Services)).ToList();
        Assert.True(stale.Count == 0, "Matrix rows for endpoints that no longer exist: " + string.Join(", ", stale.Select(m => $"{m.Method} {m.Route}")));
    }

    public static TheoryData<string, string> Requests()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Matrix)
        {
            data.Add(row.Method, row.Route);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Each_persona_gets_the_expected_outcome(string method, string route)
    {
        var row = Matrix.Single(r => r.Method == method && r.Route == route);
        var failures = new List<string>();
        foreach (var persona in Enum.GetValues<Persona>())
        {
            var (outcome, _, _) = await SendAsync(persona, row.Method == "*" ? "GET" : row.Method, fixture.Fill(row.Sample));
            if (outcome != row.Expected(persona))
            {
                failures.Add($"{persona}: expected {row.Expected(persona)}, got {outcome}");
            }
        }
        Assert.True(failures.Count == 0, $"{method} {row.Sample}: " + string.Join("; ", failures));
    }

    public static TheoryData<string, string> GetRequests()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Matrix.Where(r => r.Method is "GET" or "*"))
        {
            data.Add(row.Method, row.Route);
        }
        return data;
    }

    /// <summary>Link checkers and uptime monitors use HEAD: the outcome and type of the GET, and no body.</summary>
    [Theory]
    [MemberData(nameof(GetRequests))]
    public async Task Each_GET_answers_HEAD_alike_without_a_body(string method, string route)
    {
        var row = Matrix.Single(r => r.Method == method && r.Route == route);
        var failures = new List<string>();
        foreach (var persona in Enum.GetValues<Persona>())
        {
            var path = fixture.Fill(row.Sample);
            var head = await SendAsync(persona, "HEAD", path);
            var get = await SendAsync(persona, "GET", path);
            if (head.Outcome != row.Expected(persona) || head.ContentType != get.ContentType || head.BodyLength != 0)
            {
                failures.Add($"{persona}: expected {row.Expected(persona)} ({get.ContentType}) and no body, got {head.Outcome} ({head.ContentType}) and {head.BodyLength} bytes");
            }
        }
        Assert.True(failures.Count == 0, $"HEAD {row.Sample}: " + string.Join("; ", failures));
    }

    private async Task<(string Outcome, string? ContentType, long BodyLength)> SendAsync(Persona persona, string method, string path)
    {
        using var client = fixture.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        // Signing out ends the session it is sent with: a session of its own, so the persona's goes on.
        var cookies = path == "/deconnexion" && persona != Persona.Anonymous
            ? await fixture.SignInCookiesAsync(Fixture.Emails[persona])
            : fixture.Cookies[persona];
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            var (token, antiforgeryCookie) = await TokenAsync(client, cookies);
            cookies = string.Join("; ", new[] { cookies, antiforgeryCookie }.Where(c => c.Length > 0));
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__jeton"] = token });
        }
        if (cookies.Length > 0)
        {
            request.Headers.Add("Cookie", cookies);
        }
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (Outcome(response), response.Content.Headers.ContentType?.MediaType, body.Length);
    }

    /// <summary>A token for this persona, from the login form (any page with a form would do).</summary>
    private static async Task<(string Token, string Cookie)> TokenAsync(HttpClient client, string cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/mot-de-passe-oublie", UriKind.Relative));
        if (cookies.Length > 0)
        {
            request.Headers.Add("Cookie", cookies);
        }
        using var response = await client.SendAsync(request);
        var page = await VigieFactory.ParseAsync(response);
        var token = page.QuerySelector("input[name='__jeton']")!.GetAttribute("value")!;
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var setCookies)
            ? string.Join("; ", setCookies.Select(c => c.Split(';')[0]).Where(c => c.StartsWith("vigie.af", StringComparison.Ordinal)))
            : "";
        return (token, cookie);
    }

    public static string Outcome(HttpResponseMessage response)
    {
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently or HttpStatusCode.Found)
        {
            var location = response.Headers.Location!;
            var target = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
            return target switch
            {
                "/connexion" => "login",
                "/acces-refuse" => "denied",
                _ => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }
        return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
