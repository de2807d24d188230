using System.Reflection;

namespace Dome.Functions.Tests.Deployment;

/// <summary>
/// The configuration keys Dome reads, discovered rather than listed: every options type in Dome's assemblies
/// declares its section as <c>const string Section</c> (<c>Dome:Tokens</c>, ...) and binds its settable properties
/// under it (<c>Dome:Tokens:Issuer</c>). Test assemblies are skipped.
/// </summary>
internal static class AppConfigurationKeys
{
    public static IReadOnlySet<string> Discover()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in Directory.GetFiles(AppContext.BaseDirectory, "Dome.*.dll").Where(p => !p.EndsWith(".Tests.dll", StringComparison.Ordinal)))
        {
            foreach (var type in TypesOf(Assembly.LoadFrom(path)))
            {
                if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
                    && field.GetRawConstantValue() is string section
                    && section.StartsWith("Dome", StringComparison.Ordinal))
                {
                    AddProperties(keys, section, type, depth: 0);
                }
            }
        }

        return keys;
    }

    private static void AddProperties(HashSet<string> keys, string prefix, Type type, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var key = prefix + ":" + property.Name;
            keys.Add(key);
            var propertyType = property.PropertyType;
            if (depth < 4 && propertyType.IsClass && propertyType.Namespace?.StartsWith("Dome", StringComparison.Ordinal) == true)
            {
                AddProperties(keys, key, propertyType, depth + 1);
            }
        }
    }

    private static IEnumerable<Type> TypesOf(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
