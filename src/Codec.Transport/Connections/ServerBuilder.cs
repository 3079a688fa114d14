using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Codec.Transport.Connections;

/// <summary>
/// Builds a <see cref="Server"/>: the endpoints to listen on, each with its middleware chain and handler, and the
/// connection limits. TCP endpoints use Kestrel's socket transport; any other <see cref="IConnectionListenerFactory"/>
/// (the in-memory transport, say) runs the same chain unchanged.
/// </summary>
/// <example>
/// <code>
/// await using Server server = new ServerBuilder(loggerFactory)
///     .ConfigureLimits(limits => limits.IdleTimeout = TimeSpan.FromSeconds(30))
///     .Listen(new IPEndPoint(IPAddress.Loopback, 53), connection => connection
///         .UseTls(certificate)
///         .Run(HandleAsync))
///     .Build();
/// await server.StartAsync();
/// </code>
/// </example>
public sealed class ServerBuilder
{
    private readonly List<(IConnectionListenerFactory? Transport, EndPoint EndPoint, Action<IConnectionBuilder> Configure)> _bindings = [];
    private readonly ConnectionLimits _limits = new();
    private readonly SocketTransportOptions _socketOptions = new();

    /// <summary>Creates a builder whose middleware finds only the logger factory among the application services.</summary>
    /// <param name="loggerFactory">Where the server and its middleware log; nowhere when null.</param>
    public ServerBuilder(ILoggerFactory? loggerFactory = null)
        : this(new ApplicationServices(loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance))
    {
    }

    /// <summary>Creates a builder over application services (for <c>UseConnectionHandler&lt;T&gt;()</c> and middleware that resolve services).</summary>
    /// <param name="applicationServices">The services; the logger factory is taken from them.</param>
    public ServerBuilder(IServiceProvider applicationServices)
    {
        ArgumentNullException.ThrowIfNull(applicationServices);
        ApplicationServices = applicationServices;
    }

    /// <summary>The services middleware is built with.</summary>
    public IServiceProvider ApplicationServices { get; }

    /// <summary>Sets the connection limits (maximum connections, idle timeout, shutdown timeout).</summary>
    /// <param name="configure">Changes the limits.</param>
    public ServerBuilder ConfigureLimits(Action<ConnectionLimits> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(_limits);
        return this;
    }

    /// <summary>Sets options of Kestrel's socket transport (backlog, buffer sizes, no-delay) for the TCP endpoints.</summary>
    /// <param name="configure">Changes the options.</param>
    public ServerBuilder ConfigureSockets(Action<SocketTransportOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(_socketOptions);
        return this;
    }

    /// <summary>Listens on a TCP endpoint (port 0 for an ephemeral one; see <see cref="Server.EndPoints"/>).</summary>
    /// <param name="endPoint">The endpoint.</param>
    /// <param name="configure">Builds the chain its connections run: <c>Use(...)</c> middleware, then <c>Run(...)</c> the handler.</param>
    public ServerBuilder Listen(EndPoint endPoint, Action<IConnectionBuilder> configure) => Add(null, endPoint, configure);

    /// <summary>Listens on an endpoint of another transport, such as <see cref="InMemory.InMemoryTransport"/>.</summary>
    /// <param name="transport">Binds the endpoint.</param>
    /// <param name="endPoint">The endpoint.</param>
    /// <param name="configure">Builds the chain its connections run: <c>Use(...)</c> middleware, then <c>Run(...)</c> the handler.</param>
    public ServerBuilder Listen(IConnectionListenerFactory transport, EndPoint endPoint, Action<IConnectionBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(transport);
        return Add(transport, endPoint, configure);
    }

    /// <summary>Builds the server (not started).</summary>
    public Server Build()
    {
        if (_bindings.Count == 0)
        {
            throw new InvalidOperationException("The server listens on no endpoint: call Listen first.");
        }

        ConnectionLimits limits = _limits.Validated();
        ILoggerFactory loggerFactory = ApplicationServices.GetLoggerFactory();
        IConnectionListenerFactory? sockets = null;
        var bindings = new List<ServerBinding>(_bindings.Count);
        foreach ((IConnectionListenerFactory? transport, EndPoint endPoint, Action<IConnectionBuilder> configure) in _bindings)
        {
            var chain = new ConnectionBuilder(ApplicationServices);
            configure(chain);
            IConnectionListenerFactory factory = transport ?? (sockets ??= new SocketTransportFactory(Options.Create(_socketOptions), loggerFactory));
            bindings.Add(new ServerBinding(factory, endPoint, chain.Build()));
        }

        return new Server(bindings, limits, loggerFactory);
    }

    private ServerBuilder Add(IConnectionListenerFactory? transport, EndPoint endPoint, Action<IConnectionBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(configure);
        _bindings.Add((transport, endPoint, configure));
        return this;
    }
}
