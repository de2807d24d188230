namespace Dome.Cedar.Validation.Unicode;

/// <summary>UTS #39 Identifier_Status: whether a character is allowed by the General Security Profile for identifiers.</summary>
internal static class IdentifierStatus
{
    public static bool IsAllowed(int codePoint)
    {
        var allowed = IdentifierStatusTable.Allowed;
        int lo = 0, hi = allowed.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (allowed[mid] <= codePoint)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo % 2 == 1;
    }
}
