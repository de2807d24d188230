using Dome.Storage.Azure.Tables;

namespace Dome.Storage.Azure.Stores;

/// <summary>Small helpers the stores share when building entities.</summary>
internal static class TableEntityExtensions
{
    /// <summary>Sets a possibly large string (split across properties when needed); a null value sets nothing.</summary>
    public static TableEntity WithLargeValue(this TableEntity entity, string name, string? value)
    {
        if (value is not null)
        {
            TableLargeValue.Write(entity, name, value);
        }

        return entity;
    }
}
