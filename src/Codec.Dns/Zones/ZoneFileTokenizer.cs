using System.Text;

namespace Codec.Dns.Zones;

/// <summary>A word of a zone file entry: its text as written (escapes not yet resolved) and whether it was quoted.</summary>
internal readonly record struct ZoneToken(string Text, bool Quoted);

/// <summary>One entry of a zone file: its words, the line it starts on, and whether it starts with a blank (owner omitted).</summary>
internal sealed record ZoneEntry(IReadOnlyList<ZoneToken> Tokens, int Line, bool StartsWithBlank);

/// <summary>
/// Splits a master file into entries (RFC 1035 §5.1): an entry ends at the end of a line unless parentheses are open;
/// <c>;</c> starts a comment outside quotes; <c>"..."</c> is one word with its blanks; a backslash escapes the next
/// character (<c>\X</c>, <c>\DDD</c>), which the tokenizer keeps for the field's own parser to resolve.
/// </summary>
internal static class ZoneFileTokenizer
{
    public static List<ZoneEntry> Tokenize(string text, string file)
    {
        var entries = new List<ZoneEntry>();
        var tokens = new List<ZoneToken>();
        var word = new StringBuilder();
        int line = 1;
        int entryLine = 1;
        int depth = 0;
        int parenLine = 0;
        bool startsWithBlank = false;
        bool atLineStart = true;
        int i = 0;

        void EndWord(bool quoted = false)
        {
            if (word.Length > 0 || quoted)
            {
                if (tokens.Count == 0)
                {
                    entryLine = line;
                }

                tokens.Add(new ZoneToken(word.ToString(), quoted));
                word.Clear();
            }
        }

        void EndEntry()
        {
            EndWord();
            if (tokens.Count > 0)
            {
                entries.Add(new ZoneEntry(tokens.ToArray(), entryLine, startsWithBlank));
                tokens.Clear();
            }
        }

        while (i < text.Length)
        {
            char c = text[i];
            if (atLineStart && depth == 0)
            {
                atLineStart = false;
                startsWithBlank = c is ' ' or '\t';
            }

            switch (c)
            {
                case '\n':
                    line++;
                    i++;
                    if (depth == 0)
                    {
                        EndEntry();
                        atLineStart = true;
                    }
                    else
                    {
                        EndWord();
                    }

                    break;
                case '\r' or ' ' or '\t':
                    EndWord();
                    i++;
                    break;
                case ';':
                    EndWord();
                    while (i < text.Length && text[i] != '\n')
                    {
                        i++;
                    }

                    break;
                case '(':
                    EndWord();
                    if (depth++ == 0)
                    {
                        parenLine = line;
                    }

                    i++;
                    break;
                case ')':
                    EndWord();
                    if (depth == 0)
                    {
                        throw new ZoneSyntaxException(file, line, "')' without a matching '('");
                    }

                    depth--;
                    i++;
                    break;
                case '"':
                    {
                        EndWord();
                        int start = line;
                        i++;
                        while (true)
                        {
                            if (i >= text.Length)
                            {
                                throw new ZoneSyntaxException(file, start, "unterminated quoted string");
                            }

                            char q = text[i];
                            if (q == '"')
                            {
                                i++;
                                break;
                            }

                            if (q == '\\' && i + 1 < text.Length)
                            {
                                word.Append(q).Append(text[i + 1]);
                                i += 2;
                                continue;
                            }

                            if (q == '\n')
                            {
                                line++;
                            }

                            word.Append(q);
                            i++;
                        }

                        if (tokens.Count == 0)
                        {
                            entryLine = start;
                        }

                        tokens.Add(new ZoneToken(word.ToString(), Quoted: true));
                        word.Clear();
                        break;
                    }

                case '\\':
                    if (i + 1 >= text.Length || text[i + 1] == '\n')
                    {
                        throw new ZoneSyntaxException(file, line, "a backslash at the end of a line");
                    }

                    word.Append(c).Append(text[i + 1]);
                    i += 2;
                    break;
                default:
                    word.Append(c);
                    i++;
                    break;
            }
        }

        if (depth > 0)
        {
            throw new ZoneSyntaxException(file, parenLine, "'(' without a matching ')'");
        }

        EndEntry();
        return entries;
    }
}
