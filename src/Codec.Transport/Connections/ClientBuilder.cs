using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace Codec.Transport.Connections;

/// <summary>
/// Builds a <see cref="Client"/>: a transport that connects (TCP sockets by default, or any
/// <see cref="IConnectionFactory"/> such as the in-memory transport) and the middleware chain every new connection runs
/// through before it is handed over (TLS, logging, ...), the same middleware model as the server's.
/// </summary>
public sealed class ClientBuilder
{
    private readonly List<Action<IConnectionBuilder>> _middleware = [];
    private IConnectionFactory? _transport;

    /// <summary>Creates a builder whose middleware finds only the logger factory among the application services.</summary>
    /// <param name="loggerFactory">Where the client's middleware logs; nowhere when null.</param>
    public ClientBuilder(ILoggerFactory? loggerFactory = null)
        : this(new ApplicationServices(loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance))
    {
    }

    /// <summary>Creates a builder over application services.</summary>
    /// <param name="applicationServices">The services; the logger factory is taken from them.</param>
    public ClientBuilder(IServiceProvider applicationServices)
    {
        ArgumentNullException.ThrowIfNull(applicationServices);
        ApplicationServices = applicationServices;
    }

    /// <summary>The services middleware is built with.</summary>
    public IServiceProvider ApplicationServices { get; }

    /// <summary>Connects through <paramref name="transport"/> instead of TCP sockets. The client does not dispose it.</summary>
    /// <param name="transport">The transport.</param>
    public ClientBuilder UseTransport(IConnectionFactory transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
        return this;
    }

    /// <summary>Adds middleware; the first added runs first (outermost).</summary>
    /// <param name="middleware">Wraps the rest of the chain.</param>
    public ClientBuilder Use(Func<ConnectionDelegate, ConnectionDelegate> middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _middleware.Add(builder => builder.Use(middleware));
        return this;
    }

    /// <summary>Adds middleware through the <see cref="IConnectionBuilder"/> extensions (<c>UseTls</c>, <c>Use((connection, next) => ...)</c>).</summary>
    /// <param name="configure">Adds to the chain; it must not add a terminal <c>Run</c>.</param>
    public ClientBuilder Configure(Action<IConnectionBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _middleware.Add(configure);
        return this;
    }

    /// <summary>Builds the client.</summary>
    public Client Build()
    {
        var chain = new ConnectionBuilder(ApplicationServices);
        foreach (Action<IConnectionBuilder> configure in _middleware)
        {
            configure(chain);
        }

        chain.Run(ClientConnection.Innermost);
        SocketConnectionFactory? sockets = _transport is null
            ? new SocketConnectionFactory(logger: ApplicationServices.GetLoggerFactory().CreateLogger<SocketConnectionFactory>())
            : null;
        return new Client(_transport ?? sockets!, sockets, chain.Build());
    }
}
