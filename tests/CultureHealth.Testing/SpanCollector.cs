using System.Diagnostics;

namespace CultureHealth.Testing;

/// <summary>A thread-safe sink for the in-memory span exporter (hosts export from many threads).</summary>
public sealed class SpanCollector : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<Activity> For(ActivityTraceId traceId)
    {
        lock (_gate)
        {
            return _spans.Where(s => s.TraceId == traceId).ToList();
        }
    }

    public void Add(Activity item) { lock (_gate) { _spans.Add(item); } }
    public void Clear() { lock (_gate) { _spans.Clear(); } }
    public bool Contains(Activity item) { lock (_gate) { return _spans.Contains(item); } }
    public void CopyTo(Activity[] array, int arrayIndex) { lock (_gate) { _spans.CopyTo(array, arrayIndex); } }
    public bool Remove(Activity item) { lock (_gate) { return _spans.Remove(item); } }
    public int Count { get { lock (_gate) { return _spans.Count; } } }
    public bool IsReadOnly => false;
    public IEnumerator<Activity> GetEnumerator() { lock (_gate) { return _spans.ToList().GetEnumerator(); } }
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
