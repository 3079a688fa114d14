namespace Codec.Transport.Tests.Connections;

/// <summary>
/// Tests that run alone, not beside any other test class: the thousand-connection load test (which would swamp the
/// thread pool of whatever runs beside it) and the tests that measure time (idle timeout, shutdown timeout), which a
/// swamped thread pool would make late.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialNetworkTests
{
    public const string Name = "Serial network tests";
}
