using System.Runtime.CompilerServices;
using Dome.Cedar.Conformance;
using Dome.Cedar.Schema;

namespace Dome.Cedar.Tests.Schema;

/// <summary>Plugs the schema reader into the conformance runner, so entities and context are read with the schema.</summary>
internal static class SchemaReaderWiring
{
    [ModuleInitializer]
    internal static void Wire()
    {
        IntegrationTestRunner.SchemaReader = text =>
        {
            try
            {
                return SchemaEntities.ShapesFromText(text);
            }
            catch (CedarSchemaException e)
            {
                throw new CedarParseException($"invalid schema: {e.Message}");
            }
        };
    }
}
