namespace Codec.Protocols.Dhcp;

// RFC 2131 §4.1: "If the options in a DHCP message extend into the 'sname' and 'file' fields, the 'option overload'
// option MUST appear in the 'options' field, with value 1, 2 or 3 ... Options in the 'options' field MUST be
// interpreted first, so that any 'option overload' options may be interpreted. The 'file' field MUST be interpreted
// next (if the 'option overload' option indicates that the 'file' field contains DHCP options), followed by the
// 'sname' field."
//
// Semantics over layout: the three option areas lie at fixed offsets of the message; each is read as DhcpOptions in
// place (error offsets count from the message's start).

/// <summary>
/// The option areas of a DHCP message in the order RFC 2131 §4.1 reads them: options, then file, then sname when option
/// 52 says they hold options. Zero-copy; enumerating allocates nothing.
/// </summary>
public readonly ref struct DhcpOptionSections
{
    /// <summary>Where sname starts in a DHCP message.</summary>
    public const int ServerNameOffset = 44;

    /// <summary>Where file starts.</summary>
    public const int FileOffset = 108;

    /// <summary>Where the options start (after the magic cookie).</summary>
    public const int OptionsOffset = 240;

    private DhcpOptionSections(DhcpOptions options, DhcpOptions file, DhcpOptions serverName, DhcpOverloadMode? overload)
    {
        Options = options;
        File = file;
        ServerName = serverName;
        Overload = overload;
    }

    /// <summary>The options field.</summary>
    public DhcpOptions Options { get; }

    /// <summary>The file field read as options (empty unless overloaded).</summary>
    public DhcpOptions File { get; }

    /// <summary>The sname field read as options (empty unless overloaded).</summary>
    public DhcpOptions ServerName { get; }

    /// <summary>The value of option 52, if present.</summary>
    public DhcpOverloadMode? Overload { get; }

    /// <summary>
    /// Reads the option areas of <paramref name="message"/> (a whole DHCP message, as <see cref="DhcpMessage"/> reads
    /// it). An overloaded field that is not a valid option list is InvalidData naming the option at fault; an option 52
    /// with a value other than 1–3 is InvalidData (ValueOutOfRange) at its data.
    /// </summary>
    public static ReadResult TryRead(ReadOnlySpan<byte> message, out DhcpOptionSections sections)
    {
        sections = default;
        ReadResult read = DhcpMessage.TryRead(message, out DhcpMessage dhcp);
        if (!read.IsDone)
        {
            return read;
        }

        DhcpOptions options = dhcp.Options;
        DhcpOptions file = default;
        DhcpOptions serverName = default;
        DhcpOverloadMode? overload = null;
        if (options.TryFind(DhcpOptions.OptionOverloadKind, out OptionEntry entry))
        {
            if (entry.Value.Length != 1 || entry.Value[0] is < 1 or > 3)
            {
                return ReadResult.Invalid(new CodecError(CodecErrorKind.ValueOutOfRange, "OptionOverload", (entry.Offset + 2) * 8, 3, entry.Value.IsEmpty ? 0UL : entry.Value[0]));
            }

            overload = (DhcpOverloadMode)entry.Value[0];
            if ((overload.Value & DhcpOverloadMode.File) != 0)
            {
                ReadResult result = DhcpOptions.TryReadAt(message, FileOffset, FileOffset + 128, out file);
                if (!result.IsDone)
                {
                    return result;
                }
            }

            if ((overload.Value & DhcpOverloadMode.ServerName) != 0)
            {
                ReadResult result = DhcpOptions.TryReadAt(message, ServerNameOffset, ServerNameOffset + 64, out serverName);
                if (!result.IsDone)
                {
                    return result;
                }
            }
        }

        sections = new DhcpOptionSections(options, file, serverName, overload);
        return read;
    }

    /// <summary>Finds the first option of <paramref name="code"/> in the areas' order.</summary>
    public bool TryFind(int code, out OptionEntry option) =>
        Options.TryFind(code, out option) || File.TryFind(code, out option) || ServerName.TryFind(code, out option);

    /// <summary>Every option of every area, in order (Pad and End included).</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Enumerates options, then file, then sname.</summary>
    public ref struct Enumerator
    {
        private readonly DhcpOptions _file;
        private readonly DhcpOptions _serverName;
        private DhcpOptions.Enumerator _current;
        private int _area;

        internal Enumerator(DhcpOptionSections sections)
        {
            _file = sections.File;
            _serverName = sections.ServerName;
            _current = sections.Options.GetEnumerator();
            _area = 0;
        }

        /// <summary>The current option.</summary>
        public readonly OptionEntry Current => _current.Current;

        /// <summary>Moves to the next option, crossing into the next area when one ends.</summary>
        public bool MoveNext()
        {
            while (!_current.MoveNext())
            {
                switch (_area++)
                {
                    case 0:
                        _current = _file.GetEnumerator();
                        break;
                    case 1:
                        _current = _serverName.GetEnumerator();
                        break;
                    default:
                        return false;
                }
            }

            return true;
        }
    }
}
