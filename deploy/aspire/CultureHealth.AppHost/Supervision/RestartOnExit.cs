using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CultureHealth.AppHost.Supervision;

/// <summary>Marks a resource the <see cref="RestartSupervisor"/> starts again when it exits on its own.</summary>
internal sealed class RestartOnExitAnnotation : IResourceAnnotation;

internal static class RestartOnExitExtensions
{
    public static IResourceBuilder<T> WithRestartOnExit<T>(this IResourceBuilder<T> resource) where T : IResource =>
        resource.WithAnnotation(new RestartOnExitAnnotation());

    public static IServiceCollection AddRestartSupervisor(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new RestartBackoff());
        services.AddHostedService<RestartSupervisor>();
        return services;
    }
}
