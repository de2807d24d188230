using Dome.Core.Audit;
using Dome.Gateway.Escalation;
using Dome.Gateway.Policy;

namespace Dome.Functions.Hosting;

/// <summary>Policy, escalation and audit services (issue 6, gw-policy): one line in <see cref="DomeServer"/>.</summary>
internal static class PolicyServices
{
    public static IServiceCollection AddDomePolicy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PolicyOptions>().Bind(configuration.GetSection(PolicyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAuditSink, QueueAuditSink>();
        services.AddSingleton<AuditProcessor>();

        services.AddSingleton<IPolicySetProvider, PolicySetProvider>();
        services.AddSingleton<PolicyPublisher>();
        services.AddSingleton<IApprovalService, ApprovalService>();
        services.AddSingleton<IEscalationJudge>(sp => new HttpEscalationJudge(
            new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }),
            sp.GetRequiredService<ILogger<HttpEscalationJudge>>()));
        services.AddSingleton<IPolicyDecisionPoint, PolicyDecisionPoint>();
        return services;
    }
}
