using System.IO.Pipelines;

namespace Codec.Transport.Connections;

/// <summary>A reader and a writer seen as one <see cref="IDuplexPipe"/>.</summary>
internal sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
{
    public PipeReader Input { get; } = input;

    public PipeWriter Output { get; } = output;
}
