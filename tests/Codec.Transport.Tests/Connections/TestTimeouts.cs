namespace Codec.Transport.Tests.Connections;

/// <summary>Bounds for every wait in the tests: generous, since the machine may be loaded, but never infinite.</summary>
public static class TestTimeouts
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(20);

    public static CancellationTokenSource Create(TimeSpan? timeout = null) => new(timeout ?? Default);
}
