using Microsoft.Extensions.DependencyInjection;

namespace Dome.Functions.Tests.Gateway;

/// <summary>
/// Fault injection around real services: the real SQLite-backed service runs, and a test switches a wrapper to
/// fail the way an outage would. (A real outage of one store, with the rest of the same process healthy, cannot
/// be produced otherwise on one machine; this is the narrowest stand-in.)
/// </summary>
internal static class Faults
{
    /// <summary>Replaces the last registration of <typeparamref name="T"/> by <paramref name="wrap"/> around it.</summary>
    public static void Decorate<T>(this IServiceCollection services, Func<T, IServiceProvider, T> wrap)
        where T : class
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered");
        services.Remove(inner);
        services.AddSingleton(sp => wrap(Create<T>(inner, sp), sp));
    }

    private static T Create<T>(ServiceDescriptor descriptor, IServiceProvider services)
        where T : class =>
        (T)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
