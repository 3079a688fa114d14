using System.Net;
using Codec.Transport.Connections;
using Codec.Transport.Datagrams;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace Codec.Transport.Hosting;

/// <summary>
/// What a hosted codec server runs, declared when the host is built and bound when it starts: stream endpoints (TCP,
/// or another <see cref="IConnectionListenerFactory"/>) with their middleware chains, run by one <see cref="Server"/>,
/// and datagram endpoints, each group run by a <see cref="DatagramListener"/>. Handlers come from the host's services.
/// </summary>
/// <remarks>See <see cref="CodecServerServiceCollectionExtensions.AddCodecServer(IServiceCollection, Action{IServiceProvider, CodecServerBuilder})"/>.</remarks>
public sealed class CodecServerBuilder
{
    private readonly List<Action<ServerBuilder>> _streams = [];
    private readonly List<DatagramRegistration> _datagrams = [];

    internal CodecServerBuilder(IServiceProvider services) => Services = services;

    /// <summary>The host's services, to read options and resolve handlers from.</summary>
    public IServiceProvider Services { get; }

    internal IReadOnlyList<Action<ServerBuilder>> Streams => _streams;

    internal IReadOnlyList<DatagramRegistration> Datagrams => _datagrams;

    /// <summary>Sets the limits of the stream connections (maximum connections, idle timeout, shutdown timeout).</summary>
    /// <param name="configure">Changes the limits.</param>
    public CodecServerBuilder ConfigureLimits(Action<ConnectionLimits> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _streams.Add(server => server.ConfigureLimits(configure));
        return this;
    }

    /// <summary>Sets options of Kestrel's socket transport for the TCP endpoints.</summary>
    /// <param name="configure">Changes the options.</param>
    public CodecServerBuilder ConfigureSockets(Action<SocketTransportOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _streams.Add(server => server.ConfigureSockets(configure));
        return this;
    }

    /// <summary>Listens on a TCP endpoint (as <see cref="ServerBuilder.Listen(EndPoint, Action{IConnectionBuilder})"/>).</summary>
    /// <param name="endPoint">The endpoint; port 0 for an ephemeral one (see <see cref="CodecServerHost.StreamEndPoints"/>).</param>
    /// <param name="configure">Builds the chain: <c>Use(...)</c> middleware, then <c>Run(...)</c> or <c>UseConnectionHandler&lt;T&gt;()</c>.</param>
    public CodecServerBuilder Listen(EndPoint endPoint, Action<IConnectionBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(configure);
        _streams.Add(server => server.Listen(endPoint, configure));
        return this;
    }

    /// <summary>Listens on an endpoint of another transport, such as <see cref="InMemory.InMemoryTransport"/>.</summary>
    /// <param name="transport">Binds the endpoint.</param>
    /// <param name="endPoint">The endpoint.</param>
    /// <param name="configure">Builds the chain.</param>
    public CodecServerBuilder Listen(IConnectionListenerFactory transport, EndPoint endPoint, Action<IConnectionBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(configure);
        _streams.Add(server => server.Listen(transport, endPoint, configure));
        return this;
    }

    /// <summary>Serves datagrams on <paramref name="options"/>' endpoints with a synchronous handler.</summary>
    /// <param name="options">Endpoints, receive loops, sizes and socket options.</param>
    /// <param name="handler">The handler (one instance serves every receive loop, concurrently).</param>
    public CodecServerBuilder ListenDatagrams(DatagramListenerOptions options, IDatagramHandler handler)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        _datagrams.Add(new(options, logger => new DatagramListener(options, handler, logger)));
        return this;
    }

    /// <summary>Serves datagrams on <paramref name="options"/>' endpoints with an asynchronous handler (a forwarder, say).</summary>
    /// <param name="options">Endpoints, receive loops, sizes, the concurrency limit and socket options.</param>
    /// <param name="handler">The handler.</param>
    public CodecServerBuilder ListenDatagrams(DatagramListenerOptions options, IAsyncDatagramHandler handler)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        _datagrams.Add(new(options, logger => new DatagramListener(options, handler, logger)));
        return this;
    }

    /// <summary>
    /// Serves datagrams with a handler from the host's services: the registered <typeparamref name="THandler"/>, or
    /// one created with its constructor's dependencies from them when none is registered.
    /// </summary>
    /// <typeparam name="THandler">An <see cref="IDatagramHandler"/> or <see cref="IAsyncDatagramHandler"/>.</typeparam>
    /// <param name="options">Endpoints, receive loops, sizes and socket options.</param>
    public CodecServerBuilder ListenDatagrams<THandler>(DatagramListenerOptions options)
        where THandler : class
    {
        THandler handler = Services.GetService<THandler>() ?? ActivatorUtilities.CreateInstance<THandler>(Services);
        return handler switch
        {
            IDatagramHandler sync => ListenDatagrams(options, sync),
            IAsyncDatagramHandler async => ListenDatagrams(options, async),
            _ => throw new ArgumentException($"{typeof(THandler)} is neither an {nameof(IDatagramHandler)} nor an {nameof(IAsyncDatagramHandler)}.", nameof(THandler)),
        };
    }

    internal sealed record DatagramRegistration(DatagramListenerOptions Options, Func<Microsoft.Extensions.Logging.ILogger, DatagramListener> Create);
}
