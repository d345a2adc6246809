using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using CultureHealth.Messaging.Inbox;
using CultureHealth.ServiceDefaults.Secrets;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CultureHealth.Messaging.Erasure;

/// <summary>What a service anonymised or removed for one address: how many rows, and the ids others may hold copies of.</summary>
public sealed record ErasedRecords(int Count, IReadOnlyList<Guid> Ids)
{
    public static readonly ErasedRecords None = new(0, []);
}

/// <summary>
/// The one shape of every service's part of an erasure (UK GDPR article 17): open the sealed address, erase what this
/// service holds for it, and report <see cref="PatientDataErased"/>, all in the inbox's transaction, so a redelivered
/// request erases and reports once. A second request for the same address finds nothing left and reports zero.
/// </summary>
public abstract partial class PatientErasureConsumer<TDbContext>(TDbContext db, EventSecrets secrets, TimeProvider clock, ILogger logger)
    : IdempotentConsumer<PatientErasureRequested, TDbContext>(db, clock, logger)
    where TDbContext : DbContext
{
    private readonly ILogger _logger = logger;
    private readonly EventSecrets _secrets = secrets;

    /// <summary>One of <see cref="PatientDataServices"/>.</summary>
    protected abstract string Service { get; }

    /// <summary>Anonymise or remove what this service holds for <paramref name="email"/> (lower case); do not save or commit.</summary>
    protected abstract Task<ErasedRecords> EraseAsync(string email, CancellationToken cancellationToken);

    protected sealed override async Task HandleAsync(PatientErasureRequested message, ConsumeContext<PatientErasureRequested> context, CancellationToken cancellationToken)
    {
        // A request this process cannot open (a key it lacks) must not be reported as done: throw, retry, then _error.
        var email = _secrets.Open(message.SealedEmail)
            ?? throw new InvalidOperationException($"Erasure request {message.RequestId}: the sealed address cannot be opened with this service's event-secret keys.");
        email = email.Trim().ToLowerInvariant();
        var erased = await EraseAsync(email, cancellationToken);
        await SentEventsMentioning.ForgetAsync(Db, email, cancellationToken);
        var now = Clock.GetUtcNow();
        Db.PublishOnCommit(new PatientDataErased(Guid.NewGuid(), now, message.RequestId, Service, erased.Count, erased.Ids), now);
        LogErased(_logger, Service, erased.Count, message.RequestId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Service} erased {Count} records for erasure request {RequestId}")]
    private static partial void LogErased(ILogger logger, string service, int count, Guid requestId);
}

/// <summary>
/// The erasure consumer of a service whose part is one call of its patient-data use case (booking, content, shop):
/// only the service's name and that call differ, so a service's consumer is its constructor and nothing else. The
/// consumer keeps its own type per service because the queue and the inbox's consumer name come from it.
/// </summary>
public abstract class DelegatingPatientErasureConsumer<TDbContext>(
    string service, Func<string, CancellationToken, Task<ErasedRecords>> erase, TDbContext db, EventSecrets secrets, TimeProvider clock, ILogger logger)
    : PatientErasureConsumer<TDbContext>(db, secrets, clock, logger)
    where TDbContext : DbContext
{
    protected sealed override string Service => service;

    protected sealed override Task<ErasedRecords> EraseAsync(string email, CancellationToken cancellationToken) => erase(email, cancellationToken);
}
