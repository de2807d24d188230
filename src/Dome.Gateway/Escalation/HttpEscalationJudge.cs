using System.Net.Http.Json;
using Dome.Core.Approvals;
using Dome.Core.Registry;
using Dome.Gateway.Policy;
using Microsoft.Extensions.Logging;

namespace Dome.Gateway.Escalation;

/// <summary>POSTs a <see cref="JudgeRequest"/> to the tenant's judge URL and reads its verdict within the time bound.</summary>
internal sealed partial class HttpEscalationJudge(HttpClient http, ILogger<HttpEscalationJudge> logger) : IEscalationJudge
{
    public const int MaxResponseBytes = 64 * 1024;

    public async Task<JudgeVerdict> AskAsync(Uri url, TimeSpan timeout, ToolCallFacts call, Approval approval, CancellationToken cancellationToken)
    {
        var body = new JudgeRequest
        {
            ApprovalId = approval.Id,
            TenantId = call.TenantId,
            Agent = new JudgeAgent { Id = call.Agent.Id, Name = call.Agent.Name, Workspace = call.Agent.Workspace, Tier = WireNames.Of(call.Agent.Tier), Owner = call.Agent.Owner },
            UserId = call.User?.Id,
            Tool = call.Tool.Name,
            Risk = call.Tool.Risk,
            Arguments = call.Arguments,
            Intent = call.Intent,
            Chain = call.Chain,
            Reason = approval.Reason,
            PolicyIds = approval.PolicyIds,
            ExpiresAt = approval.ExpiresAt,
        };
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        try
        {
            using var response = await http.PostAsJsonAsync(url, body, EscalationJsonContext.Default.JudgeRequest, bound.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > MaxResponseBytes)
            {
                LogUnavailable(logger, approval.Id, (int)response.StatusCode);
                return JudgeVerdict.Unavailable;
            }

            var answer = await response.Content.ReadFromJsonAsync(EscalationJsonContext.Default.JudgeResponse, bound.Token).ConfigureAwait(false);
            return answer?.Decision switch
            {
                "approve" => JudgeVerdict.Approve,
                "deny" => JudgeVerdict.Deny,
                _ => JudgeVerdict.Unavailable,
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimeout(logger, approval.Id, (int)timeout.TotalMilliseconds);
            return JudgeVerdict.Unavailable;
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or NotSupportedException)
        {
            LogFailed(logger, approval.Id, e.GetType().Name);
            return JudgeVerdict.Unavailable;
        }
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Judge did not answer approval {ApprovalId} within {TimeoutMs} ms; the call is denied")]
    private static partial void LogTimeout(ILogger logger, string approvalId, int timeoutMs);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Judge answered approval {ApprovalId} with status {Status}; the call is denied")]
    private static partial void LogUnavailable(ILogger logger, string approvalId, int status);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "Judge call for approval {ApprovalId} failed with {ExceptionType}; the call is denied")]
    private static partial void LogFailed(ILogger logger, string approvalId, string exceptionType);
}
