using System.ComponentModel.DataAnnotations;

namespace Vigie.Web.Features.Accounts;

public sealed class LoginForm
{
    [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "Cette adresse électronique n'est pas valide.")]
    [Display(Name = "Adresse électronique")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Indiquez votre mot de passe.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mot de passe")]
    public string Password { get; set; } = "";

    [Display(Name = "Rester connecté sur cet appareil")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class ForgotPasswordForm
{
    [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "Cette adresse électronique n'est pas valide.")]
    [Display(Name = "Adresse électronique")]
    public string Email { get; set; } = "";
}

public class NewPasswordFields
{
    [Required(ErrorMessage = "Choisissez un mot de passe.")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "Le mot de passe doit faire au moins 12 caractères.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nouveau mot de passe")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Confirmez le mot de passe.")]
    [Compare(nameof(NewPassword), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    [DataType(DataType.Password)]
    [Display(Name = "Confirmation du mot de passe")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ResetPasswordForm : NewPasswordFields
{
    [Required]
    public string Email { get; set; } = "";

    [Required]
    public string Token { get; set; } = "";
}

public sealed class ChangePasswordForm : NewPasswordFields
{
    [Required(ErrorMessage = "Indiquez votre mot de passe actuel.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mot de passe actuel")]
    public string CurrentPassword { get; set; } = "";
}

public sealed class ProfileForm
{
    [Required(ErrorMessage = "Indiquez le nom à afficher dans l'équipe.")]
    [StringLength(100, ErrorMessage = "100 caractères au plus.")]
    [Display(Name = "Nom affiché dans l'équipe")]
    public string DisplayName { get; set; } = "";

    public string Email { get; set; } = "";

    public IReadOnlyList<string> Roles { get; set; } = [];

    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    [Display(Name = "Prénoms")]
    public string? FirstNames { get; set; }

    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    [Display(Name = "Nom de famille")]
    public string? Surname { get; set; }

    [StringLength(1000, ErrorMessage = "1 000 caractères au plus.")]
    [Display(Name = "Adresse postale")]
    public string? PostalAddress { get; set; }

    [Display(Name = "Recevoir chaque matin par courriel les échéances de mes demandes des 7 prochains jours")]
    public bool ReceivesReminders { get; set; } = true;
}

public class AccountCreationForm : NewPasswordFields
{
    [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "Cette adresse électronique n'est pas valide.")]
    [StringLength(256)]
    [Display(Name = "Adresse électronique")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Indiquez le nom à afficher dans l'équipe.")]
    [StringLength(100, ErrorMessage = "100 caractères au plus.")]
    [Display(Name = "Nom affiché dans l'équipe (jamais publié)")]
    public string DisplayName { get; set; } = "";
}

public sealed class InvitationForm : AccountCreationForm
{
    public string Token { get; set; } = "";

    public string Role { get; set; } = "";

    public bool EmailFixed { get; set; }
}

public sealed record MessagePage(string Title, string Message, int StatusCode = 200);

public sealed class InvitationConfirmation
{
    public string Token { get; set; } = "";

    public string Code { get; set; } = "";

    public string Email { get; set; } = "";

    public string Role { get; set; } = "";
}
