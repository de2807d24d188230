using Dome.Cedar.Schema;
using Dome.Cedar.Schema.Types;

namespace Dome.Cedar.Validation;

/// <summary>One request shape the schema allows: principal type, action, resource type, context, and template slot types.</summary>
internal sealed record RequestEnvironment(
    string PrincipalType,
    SchemaEntityUid Action,
    string ResourceType,
    RecordType Context,
    string? PrincipalSlot = null,
    string? ResourceSlot = null);
