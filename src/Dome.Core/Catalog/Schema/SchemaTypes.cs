namespace Dome.Core.Catalog.Schema;

/// <summary>The JSON Schema <c>type</c> keyword as flags (a 3.1 schema may list several; 3.0 adds <c>nullable</c>).</summary>
[Flags]
internal enum SchemaTypes
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    Number = 16,
    Integer = 32,
    String = 64,
    Any = Null | Boolean | Object | Array | Number | Integer | String,
}
