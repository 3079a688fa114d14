using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using PipeReadResult = System.IO.Pipelines.ReadResult;

namespace Codec.Transport.Connections;

/// <summary>
/// Passes a connection's input through, telling its <see cref="ServerConnection"/> when the handler starts waiting for
/// input and when input arrives, for the idle timeout. Installed only when an idle timeout is set.
/// </summary>
internal sealed class ActivityPipeReader(PipeReader inner, ServerConnection connection) : PipeReader
{
    public override ValueTask<PipeReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        connection.WaitingForInput();
        ValueTask<PipeReadResult> read = inner.ReadAsync(cancellationToken);
        if (read.IsCompleted)
        {
            connection.InputArrived();
            return read;
        }

        return AwaitReadAsync(read);
    }

    public override bool TryRead(out PipeReadResult result) => inner.TryRead(out result);

    public override void AdvanceTo(SequencePosition consumed) => inner.AdvanceTo(consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) => inner.AdvanceTo(consumed, examined);

    public override void CancelPendingRead() => inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<PipeReadResult> AwaitReadAsync(ValueTask<PipeReadResult> read)
    {
        try
        {
            return await read.ConfigureAwait(false);
        }
        finally
        {
            connection.InputArrived();
        }
    }
}
