namespace Vigie.Web.Features.Api;

// The API's responses. Their XML comments are the OpenAPI document's field descriptions: French, for the API's users.

/// <summary>Une page d'une liste.</summary>
/// <param name="Items">Les éléments de la page.</param>
/// <param name="Next">Curseur opaque de la page suivante, à repasser tel quel dans « cursor » ; null à la dernière page.</param>
/// <param name="NextUrl">Adresse complète de la page suivante (mêmes filtres) ; null à la dernière page.</param>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? Next, string? NextUrl);

/// <summary>La commune d'un dossier.</summary>
/// <param name="InseeCode">Code INSEE de la commune.</param>
/// <param name="Name">Nom de la commune.</param>
/// <param name="Department">Code du département.</param>
/// <param name="Region">Code de la région.</param>
public sealed record ApiCommuneRef(string InseeCode, string Name, string Department, string Region);

/// <summary>Un dossier publié, dans une liste.</summary>
/// <param name="Slug">Identifiant du dossier (celui de son adresse).</param>
/// <param name="Title">Le titre.</param>
/// <param name="Summary">Résumé.</param>
/// <param name="Commune">Commune du dossier.</param>
/// <param name="Technologies">Identifiants des technologies, dans l'ordre du site.</param>
/// <param name="Vendors">Identifiants des prestataires.</param>
/// <param name="PublishedAt">Date et heure de publication (ISO 8601).</param>
/// <param name="UpdatedAt">Date et heure de la dernière modification (ISO 8601).</param>
/// <param name="Url">Adresse de la page du dossier sur le site.</param>
public sealed record ApiCaseItem(string Slug, string Title, string Summary, ApiCommuneRef Commune, IReadOnlyList<string> Technologies,
    IReadOnlyList<string> Vendors, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, string Url);

/// <summary>Un marché ou une convention d'un dossier publié.</summary>
/// <param name="Id">Identifiant numérique du marché.</param>
/// <param name="Case">Identifiant du dossier.</param>
/// <param name="Object">Objet du marché.</param>
/// <param name="BuyerInseeCode">Code INSEE de la commune acheteuse (la commune du dossier quand l'acheteur n'est pas précisé).</param>
/// <param name="Buyer">Nom de la commune acheteuse.</param>
/// <param name="Vendor">Identifiant du prestataire titulaire.</param>
/// <param name="SignedOn">Date de signature : 2019-07-02, ou 2019-07 ou 2019 quand seuls le mois ou l'année sont connus.</param>
/// <param name="SignedOnPrecision">Précision de la date de signature : Day (jour), Month (mois) ou Year (année).</param>
/// <param name="AmountEuros">Montant en euros, s'il est connu.</param>
/// <param name="Reference">Référence ou numéro du marché.</param>
/// <param name="Missing">Pièces qui manquent à ce que Vigie a pu obtenir.</param>
/// <param name="Source">Numéro de la source du dossier qui l'établit.</param>
public sealed record ApiContract(int Id, string Case, string Object, string? BuyerInseeCode, string? Buyer, string? Vendor, string? SignedOn,
    string? SignedOnPrecision, decimal? AmountEuros, string? Reference, string? Missing, int? Source);

/// <summary>Un financement d'un dossier.</summary>
/// <param name="Id">Identifiant numérique du financement.</param>
/// <param name="Label">Libellé.</param>
/// <param name="Funder">Le financeur.</param>
/// <param name="AmountEuros">Montant en euros.</param>
/// <param name="Year">Année.</param>
/// <param name="IsEstimate">Vrai quand le montant est une estimation.</param>
/// <param name="Source">Numéro de la source du dossier qui l'établit.</param>
public sealed record ApiFunding(int Id, string Label, string? Funder, decimal AmountEuros, int? Year, bool IsEstimate, int? Source);

/// <summary>Un événement de la chronologie d'un dossier.</summary>
/// <param name="Date">Date : jour, mois ou année selon la précision.</param>
/// <param name="DatePrecision">Précision de la date : Day (jour), Month (mois) ou Year (année).</param>
/// <param name="Title">Titre de l'événement.</param>
/// <param name="Description">Sa description.</param>
/// <param name="Source">Numéro de la source du dossier qui l'établit.</param>
public sealed record ApiTimelineEvent(string Date, string DatePrecision, string Title, string? Description, int? Source);

/// <summary>Une citation.</summary>
/// <param name="Speaker">Auteur de la citation.</param>
/// <param name="SpeakerRole">Sa qualité.</param>
/// <param name="Text">Texte cité.</param>
/// <param name="Date">Date : jour, mois ou année selon ce qui est connu.</param>
/// <param name="Source">Numéro de la source du dossier qui l'établit.</param>
public sealed record ApiQuote(string Speaker, string? SpeakerRole, string Text, string? Date, int? Source);

/// <summary>Une source d'un dossier.</summary>
/// <param name="Number">Numéro de la source dans le dossier (les faits y renvoient).</param>
/// <param name="Url">Adresse de la source.</param>
/// <param name="Title">Le titre.</param>
/// <param name="Publisher">Éditeur ou média.</param>
/// <param name="Date">Date de publication : jour, mois ou année selon ce qui est connu.</param>
/// <param name="ArchiveUrl">Adresse d'une copie archivée.</param>
public sealed record ApiSource(int Number, string Url, string Title, string? Publisher, string? Date, string? ArchiveUrl);

/// <summary>Un dossier publié, en entier.</summary>
/// <param name="Slug">Identifiant du dossier (celui de son adresse).</param>
/// <param name="Title">Le titre.</param>
/// <param name="Summary">Résumé.</param>
/// <param name="BodyMarkdown">Récit du dossier, en Markdown (les renvois [@n] désignent les sources).</param>
/// <param name="Commune">Commune du dossier.</param>
/// <param name="Technologies">Identifiants des technologies.</param>
/// <param name="Vendors">Identifiants des prestataires.</param>
/// <param name="PublishedAt">Date et heure de publication (ISO 8601).</param>
/// <param name="UpdatedAt">Date et heure de la dernière modification (ISO 8601).</param>
/// <param name="Url">Adresse de la page du dossier sur le site.</param>
/// <param name="Contracts">Marchés et conventions.</param>
/// <param name="Fundings">Les financements.</param>
/// <param name="Timeline">La chronologie.</param>
/// <param name="Quotes">Les citations.</param>
/// <param name="Sources">Sources, par numéro.</param>
/// <param name="Requests">Identifiants des demandes CADA publiques du dossier.</param>
/// <param name="Documents">Identifiants des documents publics du dossier.</param>
public sealed record ApiCase(string Slug, string Title, string Summary, string BodyMarkdown, ApiCommuneRef Commune, IReadOnlyList<string> Technologies,
    IReadOnlyList<string> Vendors, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, string Url, IReadOnlyList<ApiContract> Contracts,
    IReadOnlyList<ApiFunding> Fundings, IReadOnlyList<ApiTimelineEvent> Timeline, IReadOnlyList<ApiQuote> Quotes, IReadOnlyList<ApiSource> Sources,
    IReadOnlyList<int> Requests, IReadOnlyList<int> Documents);

/// <summary>Une commune, dans une liste.</summary>
/// <param name="InseeCode">Le code INSEE.</param>
/// <param name="Name">Le nom.</param>
/// <param name="Department">Code du département.</param>
/// <param name="Region">Code de la région.</param>
/// <param name="Population">La population municipale.</param>
/// <param name="PostalCodes">Les codes postaux.</param>
/// <param name="PublishedCases">Nombre de dossiers publiés.</param>
/// <param name="Url">Adresse de la page de la commune sur le site.</param>
public sealed record ApiCommune(string InseeCode, string Name, string Department, string Region, int? Population, IReadOnlyList<string> PostalCodes,
    int PublishedCases, string Url);

/// <summary>Chiffres de transparence d'une commune, sur les demandes CADA publiques qu'elle a reçues.</summary>
/// <param name="Sent">Demandes envoyées.</param>
/// <param name="Full">Demandes communiquées en totalité.</param>
/// <param name="Partial">Demandes communiquées en partie.</param>
/// <param name="Refused">Demandes refusées.</param>
/// <param name="Silent">Demandes restées sans réponse.</param>
/// <param name="MedianDaysToFirstReply">Délai médian de première réponse, en jours.</param>
/// <param name="RepliesMeasured">Nombre de réponses dont le délai est mesuré.</param>
/// <param name="Referrals">Saisines de la CADA.</param>
/// <param name="CadaOpinions">Avis de la CADA reçus.</param>
public sealed record ApiTransparency(int Sent, int Full, int Partial, int Refused, int Silent, double? MedianDaysToFirstReply, int RepliesMeasured,
    int Referrals, int CadaOpinions);

/// <summary>Une commune, en détail.</summary>
/// <param name="InseeCode">Le code INSEE.</param>
/// <param name="Name">Le nom.</param>
/// <param name="Department">Code du département.</param>
/// <param name="Region">Code de la région.</param>
/// <param name="Population">La population municipale.</param>
/// <param name="PostalCodes">Les codes postaux.</param>
/// <param name="IntercommunalitySiren">SIREN de son intercommunalité.</param>
/// <param name="Cases">Identifiants de ses dossiers publiés.</param>
/// <param name="Transparency">Chiffres de transparence de ses demandes CADA publiques.</param>
/// <param name="Url">Adresse de la page de la commune sur le site.</param>
public sealed record ApiCommuneDetail(string InseeCode, string Name, string Department, string Region, int? Population, IReadOnlyList<string> PostalCodes,
    string? IntercommunalitySiren, IReadOnlyList<string> Cases, ApiTransparency Transparency, string Url);

/// <summary>Un prestataire.</summary>
/// <param name="Slug">Identifiant du prestataire.</param>
/// <param name="Name">Le nom.</param>
/// <param name="Country">Le pays.</param>
/// <param name="Website">Son site web.</param>
/// <param name="Description">Sa description.</param>
/// <param name="PublishedCases">Nombre de dossiers publiés où il apparaît.</param>
/// <param name="Url">Adresse de sa page sur le site.</param>
public sealed record ApiVendor(string Slug, string Name, string? Country, string? Website, string? Description, int PublishedCases, string Url);

/// <summary>Une technologie.</summary>
/// <param name="Slug">Identifiant de la technologie.</param>
/// <param name="Name">Le nom.</param>
/// <param name="Description">Sa description.</param>
/// <param name="PublishedCases">Nombre de dossiers publiés qui l'emploient.</param>
/// <param name="Url">Adresse de sa page sur le site.</param>
public sealed record ApiTechnology(string Slug, string Name, string? Description, int PublishedCases, string Url);

/// <summary>Une demande CADA publique, dans une liste.</summary>
/// <param name="Id">Identifiant numérique de la demande.</param>
/// <param name="Subject">Objet de la demande.</param>
/// <param name="Body">Nom de l'organisme sollicité.</param>
/// <param name="BodyKind">Type d'organisme : Commune, Intercommunality, Department, Prefecture, Ministry ou Other.</param>
/// <param name="Department">Code du département de l'organisme.</param>
/// <param name="Case">Identifiant du dossier de la demande.</param>
/// <param name="State">Identifiant de l'état (envoyee, refus-implicite, close… : les valeurs du paramètre etat).</param>
/// <param name="StateLabel">L'état en français, avec sa date (« Envoyée (réponse attendue avant le 2 octobre 2019) »).</param>
/// <param name="SentOn">Date d'envoi.</param>
/// <param name="NextDeadline">Prochaine échéance.</param>
/// <param name="NextDeadlineKind">Nature de la prochaine échéance (code du moteur de délais, par exemple ImpliedRefusal).</param>
/// <param name="IsClosed">Vrai quand la demande est close.</param>
/// <param name="Outcome">Issue d'une demande close (code : Satisfied, Partial, Abandoned, TimeBarred ou Dismissed).</param>
/// <param name="ComputedOn">Jour pour lequel l'état et l'échéance ont été calculés.</param>
public sealed record ApiRequestItem(int Id, string Subject, string Body, string BodyKind, string? Department, string? Case, string State,
    string StateLabel, DateOnly? SentOn, DateOnly? NextDeadline, string? NextDeadlineKind, bool IsClosed, string? Outcome, DateOnly? ComputedOn);

/// <summary>L'organisme sollicité par une demande.</summary>
/// <param name="Name">Le nom.</param>
/// <param name="Kind">Type d'organisme : Commune, Intercommunality, Department, Prefecture, Ministry ou Other.</param>
/// <param name="DepartmentCode">Code de son département.</param>
public sealed record ApiBody(string Name, string Kind, string? DepartmentCode);

/// <summary>Le dossier d'une demande.</summary>
/// <param name="Slug">Identifiant du dossier.</param>
/// <param name="Title">Titre du dossier.</param>
public sealed record ApiCaseRef(string Slug, string Title);

/// <summary>Un document demandé et ce qu'il en est advenu.</summary>
/// <param name="Number">Numéro dans la liste de la demande.</param>
/// <param name="Title">Document demandé.</param>
/// <param name="Outcome">Ce qu'il en est advenu, en français (reçu, refusé, sans réponse…).</param>
public sealed record ApiRequestedDocument(int Number, string Title, string Outcome);

/// <summary>Une étape datée d'une demande.</summary>
/// <param name="Kind">Code de l'étape (par exemple Sent, ReplyReceived).</param>
/// <param name="Label">L'étape en français.</param>
/// <param name="Date">Date : jour, mois ou année selon ce qui est connu.</param>
/// <param name="Approximate">Vrai quand la date est approximative.</param>
/// <param name="Details">Précisions, en français.</param>
public sealed record ApiEvent(string Kind, string Label, string Date, bool Approximate, string? Details);

/// <summary>Un délai d'une demande, calculé pour aujourd'hui.</summary>
/// <param name="Kind">Code du délai (par exemple ImpliedRefusal, ReferralDue).</param>
/// <param name="Label">Le délai en français.</param>
/// <param name="Date">Date d'échéance.</param>
/// <param name="MetOn">Date à laquelle il a été tenu, le cas échéant.</param>
public sealed record ApiDeadline(string Kind, string Label, DateOnly Date, DateOnly? MetOn);

/// <summary>Une demande CADA publique telle que sa page la montre, son état calculé pour aujourd'hui : ni demandeur, ni commentaires de l'équipe.</summary>
/// <param name="Id">Identifiant numérique de la demande.</param>
/// <param name="Subject">Objet de la demande.</param>
/// <param name="Body">Organisme sollicité.</param>
/// <param name="Case">Dossier de la demande.</param>
/// <param name="State">Identifiant de l'état (envoyee, refus-implicite, close… : les valeurs du paramètre etat).</param>
/// <param name="StateLabel">L'état en français, avec sa date.</param>
/// <param name="Documents">Documents demandés et ce qu'il en est advenu.</param>
/// <param name="Events">Étapes datées (sans les notes de l'équipe).</param>
/// <param name="Deadlines">Délais calculés pour aujourd'hui.</param>
/// <param name="Outcome">Résumé de l'issue, en français.</param>
public sealed record ApiRequest(int Id, string Subject, ApiBody Body, ApiCaseRef? Case, string State, string StateLabel,
    IReadOnlyList<ApiRequestedDocument> Documents, IReadOnlyList<ApiEvent> Events, IReadOnlyList<ApiDeadline> Deadlines, string? Outcome);

/// <summary>Les métadonnées d'un document public.</summary>
/// <param name="Id">Identifiant numérique du document.</param>
/// <param name="Title">Le titre.</param>
/// <param name="Kind">Nature du document (code : Contrat, Annexe, Cctp, Ccap, Bpu, Deliberation, Courrier, AvisCada, ArticleDePresse ou Autre).</param>
/// <param name="Date">Date du document.</param>
/// <param name="ReceivedOn">Date de réception.</param>
/// <param name="Description">Sa description.</param>
/// <param name="Case">Identifiant du dossier.</param>
/// <param name="Request">Identifiant de la demande CADA qui l'a obtenu.</param>
/// <param name="IsRedacted">Vrai quand des passages ont été occultés.</param>
/// <param name="RedactionNote">Ce qui a été occulté.</param>
/// <param name="RedactionGround">Motif de l'occultation.</param>
/// <param name="FileName">Nom du fichier.</param>
/// <param name="ContentType">Type du fichier (type MIME).</param>
/// <param name="Length">Taille du fichier, en octets.</param>
/// <param name="Sha256">Empreinte SHA-256 du fichier, en hexadécimal.</param>
/// <param name="PageCount">Nombre de pages.</param>
/// <param name="Url">Adresse de la page du document sur le site.</param>
/// <param name="FileUrl">Adresse de téléchargement du fichier.</param>
public sealed record ApiDocument(int Id, string Title, string Kind, DateOnly? Date, DateOnly? ReceivedOn, string? Description, string? Case,
    int? Request, bool IsRedacted, string? RedactionNote, string? RedactionGround, string? FileName, string? ContentType, long? Length,
    string? Sha256, int? PageCount, string Url, string? FileUrl);

/// <summary>Un résultat de recherche.</summary>
/// <param name="Kind">Type de résultat : dossiers, documents, marches, demandes, prestataires ou communes.</param>
/// <param name="Key">Identifiant du résultat dans son type (identifiant du dossier, numéro du document, code INSEE…).</param>
/// <param name="Title">Le titre.</param>
/// <param name="Place">Lieu (commune et département, ou organisme).</param>
/// <param name="Detail">Précisions, en français (état d'une demande, montant d'un marché…).</param>
/// <param name="Rank">Pertinence : plus elle est grande, mieux le résultat correspond.</param>
/// <param name="Snippet">Extrait du texte, où chaque mot trouvé est encadré de guillemets (« mot »).</param>
/// <param name="Url">Adresse du résultat sur le site.</param>
public sealed record ApiSearchHit(string Kind, string Key, string Title, string? Place, string? Detail, double Rank, string? Snippet, string Url);

/// <summary>Le nombre de résultats d'une valeur de filtre.</summary>
/// <param name="Facet">Le filtre : departement, region, technologie, prestataire, etat ou annee.</param>
/// <param name="Value">La valeur, telle que le paramètre du même nom l'accepte.</param>
/// <param name="Label">La valeur en français.</param>
/// <param name="Count">Nombre de résultats que ce filtre laisse (sur tous les types, ou sur le type demandé).</param>
public sealed record ApiFacet(string Facet, string Value, string Label, int Count);

/// <summary>Les résultats d'une recherche.</summary>
/// <param name="Query">Les mots cherchés.</param>
/// <param name="Total">Nombre de résultats, tous types confondus.</param>
/// <param name="Capped">Vrai quand un type a plus de résultats que la recherche n'en lit (200) : son nombre est alors un minimum.</param>
/// <param name="Kinds">Nombre de résultats par type.</param>
/// <param name="Facets">Nombre de résultats par valeur de filtre.</param>
/// <param name="Items">Les résultats : les meilleurs de chaque type, ou une page du type demandé.</param>
/// <param name="Next">Curseur de la page suivante (avec un type) ; null à la dernière page.</param>
/// <param name="NextUrl">Adresse complète de la page suivante ; null à la dernière page.</param>
public sealed record ApiSearch(string Query, int Total, bool Capped, IReadOnlyDictionary<string, int> Kinds, IReadOnlyList<ApiFacet> Facets,
    IReadOnlyList<ApiSearchHit> Items, string? Next, string? NextUrl);
