using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data.Entities;

namespace Vigie.Web.Data;

public sealed class VigieDbContext(DbContextOptions<VigieDbContext> options)
    : IdentityDbContext<User, Role, int>(options), IDataProtectionKeyContext
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Intercommunality> Intercommunalities => Set<Intercommunality>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Vendor> Vendors => Set<Vendor>();
    public DbSet<Technology> Technologies => Set<Technology>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<Funding> Fundings => Set<Funding>();
    public DbSet<TimelineEvent> TimelineEvents => Set<TimelineEvent>();
    public DbSet<Quote> Quotes => Set<Quote>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<PublicBody> PublicBodies => Set<PublicBody>();
    public DbSet<CadaRequest> CadaRequests => Set<CadaRequest>();
    public DbSet<RequestedDocument> RequestedDocuments => Set<RequestedDocument>();
    public DbSet<CadaRequestEvent> RequestEvents => Set<CadaRequestEvent>();
    public DbSet<EventDocumentOutcome> EventDocumentOutcomes => Set<EventDocumentOutcome>();
    public DbSet<CadaRequestEventRevision> RequestEventRevisions => Set<CadaRequestEventRevision>();
    public DbSet<ReminderDigest> ReminderDigests => Set<ReminderDigest>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<Revision> Revisions => Set<Revision>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<FilePage> FilePages => Set<FilePage>();
    public DbSet<ProcessingJob> ProcessingJobs => Set<ProcessingJob>();
    public DbSet<UploadHold> UploadHolds => Set<UploadHold>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<ExportJob> ExportJobs => Set<ExportJob>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignDocument> CampaignDocuments => Set<CampaignDocument>();
    public DbSet<CampaignOrganiser> CampaignOrganisers => Set<CampaignOrganiser>();
    public DbSet<CampaignTarget> CampaignTargets => Set<CampaignTarget>();
    public DbSet<CampaignJob> CampaignJobs => Set<CampaignJob>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(VigieDbContext).Assembly);
        // Identity's own tables, under plain names.
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<int>>().ToTable("user_roles");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<int>>().ToTable("user_claims");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<int>>().ToTable("user_logins");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<int>>().ToTable("user_tokens");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<int>>().ToTable("role_claims");
    }
}
