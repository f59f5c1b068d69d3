using System.Reflection;
using System.Xml.Linq;

namespace Vigie.Web.Features.Api;

/// <summary>The &lt;summary&gt; of a method from the build's XML documentation file, for the API reference page.</summary>
public static class Documentation
{
    private static readonly Lazy<Dictionary<string, string>> Members = new(Load);

    public static string? Summary(MethodInfo? method)
    {
        if (method?.DeclaringType?.FullName is not { } type)
        {
            return null;
        }
        var prefix = $"M:{type}.{method.Name}";
        return Members.Value.FirstOrDefault(m => m.Key == prefix || m.Key.StartsWith(prefix + "(", StringComparison.Ordinal)).Value;
    }

    private static Dictionary<string, string> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, typeof(Documentation).Assembly.GetName().Name + ".xml");
        if (!File.Exists(path))
        {
            return [];
        }
        return XDocument.Load(path).Descendants("member")
            .Where(m => m.Element("summary") is not null)
            .GroupBy(m => (string)m.Attribute("name")!)
            .ToDictionary(g => g.Key, g => string.Join(" ", g.First().Element("summary")!.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
    }
}
