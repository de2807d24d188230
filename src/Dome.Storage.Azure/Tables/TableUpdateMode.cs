namespace Dome.Storage.Azure.Tables;

/// <summary>How a write treats the properties already stored on an entity.</summary>
internal enum TableUpdateMode
{
    /// <summary>The stored entity becomes exactly the written one (properties not written are removed).</summary>
    Replace,

    /// <summary>Written properties are set; properties not written are kept.</summary>
    Merge,
}
