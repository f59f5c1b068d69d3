using Vigie.Web.Infrastructure.Security;

namespace Vigie.Web.Features.Admin;

public static class AuditLabels
{
    public static string Of(string action) => action switch
    {
        AuditActions.AccountCreated => "Compte créé",
        AuditActions.LoginSucceeded => "Connexion",
        AuditActions.LoginFailed => "Connexion refusée",
        AuditActions.LockedOut => "Connexion refusée (compte verrouillé)",
        AuditActions.PasswordChanged => "Mot de passe changé",
        AuditActions.PasswordReset => "Mot de passe réinitialisé",
        AuditActions.RoleChanged => "Rôle changé",
        AuditActions.AccountLocked => "Compte verrouillé",
        AuditActions.AccountUnlocked => "Compte déverrouillé",
        AuditActions.InvitationCreated => "Invitation créée",
        AuditActions.InvitationRevoked => "Invitation révoquée",
        AuditActions.InvitationUsed => "Invitation utilisée",
        AuditActions.ProfileUpdated => "Profil modifié",
        _ => action,
    };
}
