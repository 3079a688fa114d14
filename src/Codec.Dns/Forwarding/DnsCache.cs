namespace Codec.Dns.Forwarding;

/// <summary>
/// Answers by name, type and class (RFC 1035 §7.4, RFC 2308 for negative ones), at most <see cref="Capacity"/> of them:
/// the least recently used goes first. Thread-safe; a hit moves the entry to the front and allocates nothing.
/// </summary>
public sealed class DnsCache
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, CachedAnswer Answer)>> _entries;
    private readonly Dictionary<string, LinkedListNode<(string Key, CachedAnswer Answer)>>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly LinkedList<(string Key, CachedAnswer Answer)> _recency = new();

    /// <summary>Creates a cache of at most <paramref name="capacity"/> answers (0 disables caching).</summary>
    public DnsCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        _entries = new Dictionary<string, LinkedListNode<(string, CachedAnswer)>>(StringComparer.Ordinal);
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The most answers kept.</summary>
    public int Capacity { get; }

    /// <summary>The answers kept now (expired ones included until looked up or evicted).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The live answer for <paramref name="key"/> (see <see cref="CacheKey"/>); an expired one is removed.</summary>
    public bool TryGet(ReadOnlySpan<char> key, long now, out CachedAnswer? answer)
    {
        lock (_gate)
        {
            if (_lookup.TryGetValue(key, out LinkedListNode<(string Key, CachedAnswer Answer)>? node))
            {
                if (!node.Value.Answer.IsExpired(now))
                {
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                    answer = node.Value.Answer;
                    return true;
                }

                _recency.Remove(node);
                _entries.Remove(node.Value.Key);
            }
        }

        answer = null;
        return false;
    }

    /// <summary>Keeps <paramref name="answer"/> under <paramref name="key"/>, evicting the least recently used beyond capacity.</summary>
    public void Set(string key, CachedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(answer);
        if (Capacity == 0 || answer.Ttl == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_entries.TryGetValue(key, out LinkedListNode<(string Key, CachedAnswer Answer)>? existing))
            {
                _recency.Remove(existing);
                _entries.Remove(key);
            }

            _entries[key] = _recency.AddFirst((key, answer));
            while (_entries.Count > Capacity)
            {
                LinkedListNode<(string Key, CachedAnswer Answer)> last = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(last.Value.Key);
            }
        }
    }
}
