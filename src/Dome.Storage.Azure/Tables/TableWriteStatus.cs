namespace Dome.Storage.Azure.Tables;

/// <summary>The outcome of a conditional write, for the cases a caller decides on (anything else throws).</summary>
internal enum TableWriteStatus
{
    /// <summary>The write was applied.</summary>
    Succeeded,

    /// <summary>An insert found an entity with the same keys (409 <c>EntityAlreadyExists</c>).</summary>
    AlreadyExists,

    /// <summary>The entity's ETag no longer matched <c>If-Match</c>: someone changed it first (412).</summary>
    PreconditionFailed,

    /// <summary>There is no entity with those keys (404).</summary>
    NotFound,
}
