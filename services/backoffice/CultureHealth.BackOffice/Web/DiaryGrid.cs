using CultureHealth.BackOffice.AdminApi;
using CultureHealth.Calendar;
using NodaTime;

namespace CultureHealth.BackOffice.Web;

/// <summary>A stretch of a day: working hours (local) or time off (instants).</summary>
public readonly record struct TimeSpanOfDay(LocalTime Start, LocalTime End);

/// <summary>
/// A column of the diary: one practitioner on one day, with the hours they work that day (null when not known,
/// e.g. booking did not answer) and the time they are away.
/// </summary>
public sealed record DiaryColumn(Guid PractitionerId, LocalDate Date, string Heading, string? Closed,
    IReadOnlyList<TimeSpanOfDay>? Working = null, IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)>? Away = null);

/// <summary>What an empty quarter-hour is: working time, outside the practitioner's hours, or time off.</summary>
public enum FreeKind { Working, Off, Away, Unknown }

/// <summary>A cell that starts at a row: the bookings in it (overlapping ones share a cell), and how many rows it spans.</summary>
public sealed record DiaryCell(int RowSpan, IReadOnlyList<Booking> Bookings);

/// <summary>
/// The diary as a table a screen reader can walk: a row per 15 minutes, a column per practitioner (clinic
/// day) or per day (a practitioner's week). A booking's cell spans its rows; bookings whose times overlap (a
/// no-show, and the patient booked into its remaining time) share one cell rather than break the table.
/// </summary>
public sealed class DiaryGrid
{
    public const int SlotMinutes = 15;
    private static readonly LocalTime DefaultOpen = new(9, 0);
    private static readonly LocalTime DefaultClose = new(17, 0);

    private readonly DiaryCell?[,] _starts;
    private readonly bool[,] _covered;

    private DiaryGrid(IReadOnlyList<DiaryColumn> columns, IReadOnlyList<LocalTime> rows, DiaryCell?[,] starts, bool[,] covered)
    {
        Columns = columns;
        Rows = rows;
        _starts = starts;
        _covered = covered;
    }

    public IReadOnlyList<DiaryColumn> Columns { get; }

    public IReadOnlyList<LocalTime> Rows { get; }

    /// <summary>The cell that starts here, or null: then <see cref="IsCovered"/> says whether a cell above spans it.</summary>
    public DiaryCell? CellAt(int row, int column) => _starts[row, column];

    public bool IsCovered(int row, int column) => _covered[row, column];

    /// <summary>What the empty quarter-hour at this row of this column is (for shading; the words are in the caption).</summary>
    public FreeKind KindOf(int row, int column)
    {
        var c = Columns[column];
        if (c.Working is null)
        {
            return FreeKind.Unknown;
        }
        var start = StartOf(row, column);
        if (c.Away is { } away && away.Any(a => a.Start < start.AddMinutes(SlotMinutes) && a.End > start))
        {
            return FreeKind.Away;
        }
        var time = Rows[row];
        return c.Working.Any(w => w.Start <= time && time < w.End) ? FreeKind.Working : FreeKind.Off;
    }

    /// <summary>The instant a row of a column begins (for "book here" and drag-to-move targets).</summary>
    public DateTimeOffset StartOf(int row, int column) =>
        ClinicTimeZone.ToDateTimeOffset(Columns[column].Date + Rows[row]);

    public static DiaryGrid Build(IReadOnlyList<DiaryColumn> columns, IEnumerable<Booking> bookings)
    {
        var inDiary = bookings.Where(b => b.TakesTime).ToList();
        // From the earliest start to the latest finish anyone works that day (or a usual day when nobody does).
        var worked = columns.SelectMany(c => c.Working ?? []).ToList();
        var open = worked.Count > 0 ? Floor(worked.Min(w => w.Start)) : DefaultOpen;
        var close = worked.Count > 0 ? worked.Max(w => w.End) : DefaultClose;
        foreach (var b in inDiary)
        {
            var start = ClinicTimeZone.InClinicZone(b.Start).TimeOfDay;
            var end = ClinicTimeZone.InClinicZone(b.End);
            open = start < open ? Floor(start) : open;
            var endTime = end.Date > ClinicTimeZone.InClinicZone(b.Start).Date ? new LocalTime(23, 45) : end.TimeOfDay;
            close = endTime > close ? endTime : close;
        }
        var rows = new List<LocalTime>();
        for (var t = open; t < close && rows.Count < 24 * 60 / SlotMinutes; t = t.PlusMinutes(SlotMinutes))
        {
            rows.Add(t);
            if (t.PlusMinutes(SlotMinutes) < t)
            {
                break; // wrapped past midnight
            }
        }

        var starts = new DiaryCell?[rows.Count, columns.Count];
        var covered = new bool[rows.Count, columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            var mine = inDiary
                .Where(b => b.PractitionerId == column.PractitionerId && ClinicTimeZone.InClinicZone(b.Start).Date == column.Date)
                .OrderBy(b => b.Start).ToList();
            // Merge overlapping bookings into groups, each one cell.
            var i = 0;
            while (i < mine.Count)
            {
                var group = new List<Booking> { mine[i] };
                var groupEnd = mine[i].End;
                var j = i + 1;
                for (; j < mine.Count && mine[j].Start < groupEnd; j++)
                {
                    group.Add(mine[j]);
                    groupEnd = mine[j].End > groupEnd ? mine[j].End : groupEnd;
                }
                var first = RowOf(rows, ClinicTimeZone.InClinicZone(group[0].Start).TimeOfDay, roundUp: false);
                var last = RowOf(rows, ClinicTimeZone.InClinicZone(groupEnd).Date > column.Date ? new LocalTime(23, 59) : ClinicTimeZone.InClinicZone(groupEnd).TimeOfDay, roundUp: true);
                // A group that touches one already placed (rounding to the 15-minute rows) shifts below it.
                while (first < rows.Count && (starts[first, c] is not null || covered[first, c]))
                {
                    first++;
                }
                if (first < rows.Count)
                {
                    var span = Math.Max(1, Math.Min(last, rows.Count) - first);
                    for (var r = first + 1; r < first + span; r++)
                    {
                        if (starts[r, c] is not null || covered[r, c])
                        {
                            span = r - first;
                            break;
                        }
                    }
                    starts[first, c] = new DiaryCell(span, group);
                    for (var r = first + 1; r < first + span; r++)
                    {
                        covered[r, c] = true;
                    }
                }
                i = j;
            }
        }
        return new DiaryGrid(columns, rows, starts, covered);
    }

    private static LocalTime Floor(LocalTime t) => new(t.Hour, t.Minute / SlotMinutes * SlotMinutes);

    private static int RowOf(IReadOnlyList<LocalTime> rows, LocalTime time, bool roundUp)
    {
        if (rows.Count == 0)
        {
            return 0;
        }
        var minutes = (int)(time - rows[0]).ToDuration().TotalMinutes;
        var index = roundUp ? (int)Math.Ceiling(minutes / (double)SlotMinutes) : minutes / SlotMinutes;
        return Math.Clamp(index, 0, rows.Count);
    }
}
