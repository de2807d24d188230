using System.Text;
using Dome.Cedar.Schema;

namespace Dome.Cedar.Tests.Schema;

/// <summary>A canonical text of a resolved schema (sorted), to compare schemas structurally.</summary>
internal static class SchemaDump
{
    public static string Of(CedarSchema schema)
    {
        var sb = new StringBuilder();
        foreach (var (name, entity) in schema.EntityTypes.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            sb.Append("entity ").Append(name)
                .Append(" in [").Append(string.Join(",", entity.Parents.Order(StringComparer.Ordinal))).Append(']')
                .Append(" desc [").Append(string.Join(",", entity.Descendants.Order(StringComparer.Ordinal))).Append(']')
                .Append(" shape ").Append(entity.Attributes.Display).Append(entity.Attributes.Open ? " open" : string.Empty)
                .Append(" tags ").Append(entity.Tags?.Display ?? "-")
                .Append(" enum ").Append(entity.EnumIds is null ? "-" : string.Join(",", entity.EnumIds))
                .Append(" ann ").Append(string.Join(",", entity.Annotations.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}")))
                .Append('\n');
        }

        foreach (var (uid, action) in schema.Actions.OrderBy(a => a.Key.ToString(), StringComparer.Ordinal))
        {
            sb.Append("action ").Append(uid)
                .Append(" in [").Append(string.Join(",", action.Ancestors.Select(a => a.ToString()).Order(StringComparer.Ordinal))).Append(']')
                .Append(" p [").Append(string.Join(",", action.PrincipalTypes.Order(StringComparer.Ordinal))).Append(']')
                .Append(" r [").Append(string.Join(",", action.ResourceTypes.Order(StringComparer.Ordinal))).Append(']')
                .Append(" ctx ").Append(action.Context.Display)
                .Append('\n');
        }

        return sb.ToString();
    }
}
