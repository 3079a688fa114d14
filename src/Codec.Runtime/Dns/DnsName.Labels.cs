namespace Codec.Dns;

public readonly ref partial struct DnsName
{
    /// <summary>
    /// Walks the labels of a name that <see cref="TryRead(ReadOnlySpan{byte}, int, out DnsName)"/> validated, following
    /// its pointers. <see cref="Current"/> is a slice of the message: no copy, no allocation.
    /// </summary>
    public ref struct LabelEnumerator
    {
        private readonly ReadOnlySpan<byte> _message;
        private int _position;
        private ReadOnlySpan<byte> _current;

        internal LabelEnumerator(ReadOnlySpan<byte> message, int position)
        {
            _message = message;
            _position = position;
            _current = default;
        }

        /// <summary>The label, without its length octet.</summary>
        public readonly ReadOnlySpan<byte> Current => _current;

        /// <summary>Moves to the next label; false at the root.</summary>
        public bool MoveNext()
        {
            // The name was validated, so this ends and stays in bounds; the checks only keep a default enumerator safe.
            while ((uint)_position < (uint)_message.Length)
            {
                byte octet = _message[_position];
                if (octet == 0)
                {
                    return false;
                }

                if (octet >= DnsWire.PointerTag)
                {
                    _position = ((octet & ~DnsWire.LabelTypeMask) << 8) | _message[_position + 1];
                    continue;
                }

                _current = _message.Slice(_position + 1, octet);
                _position += 1 + octet;
                return true;
            }

            return false;
        }

        /// <summary>Returns this enumerator, so that <c>foreach</c> works on it directly.</summary>
        public readonly LabelEnumerator GetEnumerator() => this;
    }
}
