namespace Dome.Cedar.Schema.Model;

/// <summary>A record type: attributes in source order; <paramref name="AdditionalAttributes"/> is the JSON format's open-record flag.</summary>
public sealed record SchemaRecordTypeExpr(IReadOnlyList<SchemaAttributeDecl> Attributes, bool AdditionalAttributes = false) : SchemaTypeExpr;
