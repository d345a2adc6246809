using NodaTime;

namespace CultureHealth.Booking.Data;

/// <summary>
/// A patient waiting for a slot: an appointment type, a practitioner (or any who offers the type), and the days and
/// times that suit them, in clinic time. <see cref="Position"/> is the join order the offers follow.
/// </summary>
public sealed class WaitlistEntry
{
    public Guid Id { get; init; }

    /// <summary>Assigned by PostgreSQL on insert (an identity column), so join order is one sequence across replicas.</summary>
    public long Position { get; init; }

    /// <summary>The proven address (a patient token's email claim): trimmed, lower case.</summary>
    public string Email { get; init; } = "";
    public string PatientName { get; init; } = "";
    public string? PatientPhone { get; init; }
    public Guid AppointmentTypeId { get; init; }

    /// <summary>Null: any practitioner who offers the appointment type.</summary>
    public Guid? PractitionerId { get; init; }

    public LocalDate FromDate { get; init; }
    public LocalDate ToDate { get; init; }

    /// <summary>Bit (ISO day - 1) set for each weekday that suits; all seven when the patient did not say.</summary>
    public int Weekdays { get; init; }

    /// <summary>The earliest and latest clinic-local start times that suit, inclusive.</summary>
    public LocalTime EarliestStart { get; init; }
    public LocalTime LatestStart { get; init; }

    public string Status { get; set; } = WaitlistStatuses.Waiting;
    public Guid? BookingId { get; set; }
    public Instant JoinedAt { get; init; }
    public Instant UpdatedAt { get; set; }
}

/// <summary>
/// A freed slot held for one waiting patient until <see cref="ExpiresAt"/>. While live it is a hold the diary counts
/// like a booking (availability, the booking and reschedule paths); a database exclusion constraint allows no two
/// live offers overlapping in one practitioner's diary, and a unique index no two live offers for one entry.
/// Rows are kept after they close: they say which slots an entry was already offered.
/// </summary>
public sealed class WaitlistOffer
{
    public Guid Id { get; init; }
    public Guid EntryId { get; init; }
    public Guid PractitionerId { get; init; }
    public Guid AppointmentTypeId { get; init; }
    public Instant Start { get; init; }
    public Instant End { get; init; }

    /// <summary>The diary time held, buffers included, as a booking's footprint.</summary>
    public Interval Footprint { get; init; }

    /// <summary>
    /// The room held for the footprint when the appointment type needs a room kind (picked by RoomPool under the kind's
    /// lock, as a booking's is); null for a type that needs none. Taking the offer books this room.
    /// </summary>
    public Guid? RoomId { get; init; }

    /// <summary>SHA-256 of the offer's secret (SecretToken); the secret itself went out sealed in WaitlistOfferMade.</summary>
    public string TokenHash { get; init; } = "";
    public string Status { get; set; } = WaitlistOfferStatuses.Live;
    public Instant OfferedAt { get; init; }
    public Instant ExpiresAt { get; init; }
    public Guid? BookingId { get; set; }
    public Instant? ClosedAt { get; set; }
}

/// <summary>
/// Diary time that became free (a cancellation, a moved booking's old time, a lapsed pending booking or offer,
/// time off removed), written in the same transaction as the change; the matcher turns it into offers and deletes it.
/// </summary>
public sealed class WaitlistOpening
{
    public long Id { get; init; }
    public Guid PractitionerId { get; init; }
    public Interval Span { get; init; }
    public Instant CreatedAt { get; init; }
}

public static class WaitlistStatuses
{
    public const string Waiting = "waiting";
    public const string Booked = "booked";
    public const string Left = "left";
}

public static class WaitlistOfferStatuses
{
    public const string Live = "live";
    public const string Taken = "taken";
    public const string Lapsed = "lapsed";
    public const string Withdrawn = "withdrawn";
}
