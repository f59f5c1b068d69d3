using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Vigie.Web.Infrastructure.Text;

namespace Vigie.Web.Infrastructure.Security;

/// <summary>
/// Wraps model binding of the two kinds of values whose hostile forms ended in a 500 instead of a form shown again:
/// <list type="bullet">
/// <item>Text: a NUL or a lone surrogate, which PostgreSQL or Npgsql refuse when the text is saved, is removed and the
/// field gets a French error, so that the form is shown again with the rest of what was typed (and a controller that
/// saved without looking at the model state would save clean text). Query strings and url-encoded bodies with a NUL
/// are refused before (<see cref="InputGuard"/>); multipart bodies are not, so this is where their fields are caught.</item>
/// <item>Booleans: a checkbox posted with a value that is no boolean keeps its French error, but the value the form
/// shows again is "false": the checkbox tag helper converts the attempted value back to a boolean and throws on it.</item>
/// </list>
/// </summary>
public sealed class SafeInputBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var source = context.BindingInfo.BindingSource;
        var type = context.Metadata.ModelType;
        if (context.BindingInfo.BinderType is not null
            || (source is not null && source != BindingSource.ModelBinding && source != BindingSource.Form
                && source != BindingSource.Query && source != BindingSource.Path))
        {
            return null;
        }
        var loggers = context.Services.GetRequiredService<ILoggerFactory>();
        if (type == typeof(string))
        {
            return new StorableTextBinder(new SimpleTypeModelBinder(type, loggers));
        }
        if (type == typeof(bool) || type == typeof(bool?))
        {
            return new CheckboxBinder(new SimpleTypeModelBinder(type, loggers));
        }
        return null;
    }

    private sealed class StorableTextBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.Result.IsModelSet && bindingContext.Result.Model is string text && !UnsafeText.IsStorable(text))
            {
                var clean = UnsafeText.MakeStorable(text);
                bindingContext.ModelState.SetModelValue(bindingContext.ModelName, clean, clean);
                bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, UnsafeText.FieldMessage);
                bindingContext.Result = ModelBindingResult.Success(clean);
            }
        }
    }

    private sealed class CheckboxBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (!bindingContext.Result.IsModelSet && bindingContext.ModelState.TryGetValue(bindingContext.ModelName, out var entry)
                && entry.Errors.Count > 0 && !bool.TryParse(entry.AttemptedValue?.Split(',')[0], out _))
            {
                bindingContext.ModelState.SetModelValue(bindingContext.ModelName, false, "false");
            }
        }
    }
}
