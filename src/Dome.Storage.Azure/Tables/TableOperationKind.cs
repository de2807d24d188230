namespace Dome.Storage.Azure.Tables;

/// <summary>The kinds of change an entity group transaction can carry.</summary>
internal enum TableOperationKind
{
    /// <summary>Insert; fails the batch when the entity exists.</summary>
    Insert,

    /// <summary>Insert or replace, unconditionally.</summary>
    UpsertReplace,

    /// <summary>Insert or merge, unconditionally.</summary>
    UpsertMerge,

    /// <summary>Replace an existing entity whose ETag matches (or any, with <c>*</c>).</summary>
    UpdateReplace,

    /// <summary>Merge into an existing entity whose ETag matches (or any, with <c>*</c>).</summary>
    UpdateMerge,

    /// <summary>Delete an existing entity whose ETag matches (or any, with <c>*</c>).</summary>
    Delete,
}
