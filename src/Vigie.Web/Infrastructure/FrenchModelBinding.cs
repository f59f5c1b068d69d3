using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Vigie.Web.Infrastructure;

/// <summary>Model binding's own messages (a number that is not a number…), in French.</summary>
public static class FrenchModelBinding
{
    public static void Configure(DefaultModelBindingMessageProvider messages)
    {
        messages.SetValueMustNotBeNullAccessor(_ => "Ce champ est obligatoire.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Le champ « {field} » est obligatoire.");
        messages.SetMissingKeyOrValueAccessor(() => "Une valeur est obligatoire.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Le formulaire est vide.");
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"« {value} » n'est pas une valeur valide pour « {field} ».");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"« {value} » n'est pas une valeur valide.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"La valeur saisie pour « {field} » n'est pas valide.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur saisie n'est pas valide.");
        messages.SetValueIsInvalidAccessor(value => $"« {value} » n'est pas une valeur valide.");
        messages.SetValueMustBeANumberAccessor(field => $"« {field} » doit être un nombre.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "La valeur doit être un nombre.");
    }
}
