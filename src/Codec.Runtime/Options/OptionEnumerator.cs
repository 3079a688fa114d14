namespace Codec;

/// <summary>
/// Enumerates a validated option list where it lies, with a layout given at run time: each <see cref="MoveNext"/>
/// reads one option (no copy, no allocation). The end option is yielded, then enumeration stops; padding after it is
/// not. Generated option lists have a faster enumerator of their own (<c>{List}.Enumerator</c>).
/// </summary>
public ref struct OptionEnumerator
{
    private readonly ReadOnlySpan<byte> _message;
    private readonly int _end;
    private readonly OptionLayout _layout;
    private int _position;
    private OptionEntry _current;

    /// <summary>Enumerates the options in <c>[start, end)</c> of <paramref name="message"/>.</summary>
    public OptionEnumerator(ReadOnlySpan<byte> message, int start, int end, OptionLayout layout)
    {
        _message = message;
        _position = start;
        _end = end;
        _layout = layout;
        _current = default;
    }

    /// <summary>The option read by the last <see cref="MoveNext"/>.</summary>
    public readonly OptionEntry Current => _current;

    /// <summary>Reads the next option; false at the end of the list (or after the end option).</summary>
    public bool MoveNext()
    {
        if (_position >= _end)
        {
            return false;
        }

        ReadResult result = OptionListReader.TryReadOption(_message, _position, _end, _layout, out _current);
        if (!result.IsDone)
        {
            _position = _end; // a validated list cannot fail; stop rather than loop
            return false;
        }

        _position = _current.EndsList ? _end : _position + result.BytesConsumed;
        return true;
    }

    /// <summary>This enumerator, so that it can be used in <c>foreach</c> directly.</summary>
    public readonly OptionEnumerator GetEnumerator() => this;
}
