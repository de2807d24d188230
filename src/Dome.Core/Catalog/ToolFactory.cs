using Dome.Core.Errors;

namespace Dome.Core.Catalog;

/// <summary>Builds a validated <see cref="Tool"/> from a hand-written <see cref="ToolRequest"/>.</summary>
internal static class ToolFactory
{
    public static Tool FromRequest(string tenantId, ToolName name, ToolRequest request, DateTimeOffset now)
    {
        var templates = CatalogValidator.PathTemplates(request.Path);
        var parameters = templates.Select(t => new ToolParameter { Name = t, In = ParameterLocation.Path }).ToList();
        foreach (var parameter in request.Parameters ?? [])
        {
            if (!CatalogWireNames.TryParseLocation(parameter.In, out var location))
            {
                throw DomeException.Invalid($"parameter `{parameter.Name}`: `in` must be path, query or header, not `{parameter.In}`");
            }

            if (string.IsNullOrEmpty(parameter.Name) || parameters.Any(p => p.Name == parameter.Name && p.In != location) || parameter.Name.Length > 128)
            {
                throw DomeException.Invalid($"parameter `{parameter.Name}` is empty, too long or bound twice");
            }

            if (location == ParameterLocation.Path && !templates.Contains(parameter.Name))
            {
                throw DomeException.Invalid($"path parameter `{parameter.Name}` does not appear as `{{{parameter.Name}}}` in the path `{request.Path}`");
            }

            if (location == ParameterLocation.Header)
            {
                CatalogValidator.HeaderName(parameter.Name);
            }

            if (!parameters.Any(p => p.Name == parameter.Name))
            {
                parameters.Add(new ToolParameter { Name = parameter.Name, In = location });
            }
        }

        return new Tool
        {
            TenantId = tenantId,
            Connection = name.Connection,
            Name = name.Tool,
            Method = CatalogValidator.Method(request.Method),
            Path = request.Path,
            Description = CatalogValidator.Description(request.Description),
            InputSchema = CatalogValidator.InputSchema(request.InputSchema),
            Parameters = parameters,
            BodyProperty = null,
            OutputRules = CatalogValidator.OutputRules(request.OutputRules),
            AuditArguments = request.AuditArguments ?? false,
            Tags = CatalogValidator.Tags(request.Tags),
            Risk = request.Risk is { } risk ? CatalogValidator.Name(risk, "the risk") : null,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
