using Microsoft.Extensions.DependencyInjection;

namespace CultureHealth.ServiceDefaults.Problems;

/// <summary>
/// The one place a service says how its domain's refusals read over HTTP. The domain stays plain (it throws its own
/// exceptions and knows nothing of status codes); the service registers one translation per exception family, and
/// the problem handler writes the result like any <see cref="ProblemException"/>.
/// <code>builder.Services.AddDomainErrors&lt;ShopDomainException&gt;(ShopProblems.From);</code>
/// </summary>
public static class DomainErrors
{
    public static IServiceCollection AddDomainErrors<TException>(this IServiceCollection services, Func<TException, ProblemException> toProblem)
        where TException : Exception =>
        services.AddSingleton<IDomainErrorTranslation>(new Translation<TException>(toProblem));

    private sealed class Translation<TException>(Func<TException, ProblemException> toProblem) : IDomainErrorTranslation
        where TException : Exception
    {
        public ProblemException? TryTranslate(Exception exception) => exception is TException domain ? toProblem(domain) : null;
    }
}

/// <summary>Turns one family of domain exceptions into problems; registered with <see cref="DomainErrors.AddDomainErrors{TException}"/>.</summary>
public interface IDomainErrorTranslation
{
    ProblemException? TryTranslate(Exception exception);
}
