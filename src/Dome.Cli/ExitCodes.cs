namespace Dome.Cli;

/// <summary>The CLI's exit codes: 0 ok, 1 failure, 2 usage error (and, for `dome cedar`, 2 deny, 3 invalid).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}
