using System.Net;
using Codec.Transport.Connections;
using Codec.Transport.Datagrams;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Codec.Transport.Hosting;

/// <summary>
/// The hosted service <see cref="CodecServerServiceCollectionExtensions.AddCodecServer(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{IServiceProvider, CodecServerBuilder})"/>
/// registers: on the host's start it builds and starts the <see cref="Server"/> and the <see cref="DatagramListener"/>s
/// (a bind failure stops what had started and fails the start), on its stop it stops them together (connections drain
/// for the shutdown timeout, datagram handlers under way finish). Resolve it (by its name, a keyed service) to learn
/// the bound endpoints.
/// </summary>
public sealed class CodecServerHost : IHostedService, IAsyncDisposable, IDisposable
{
    private readonly IServiceProvider _services;
    private readonly Action<IServiceProvider, CodecServerBuilder> _configure;
    private readonly ILoggerFactory _loggerFactory;
    private readonly List<DatagramListener> _listeners = [];
    private Server? _server;

    internal CodecServerHost(string name, IServiceProvider services, Action<IServiceProvider, CodecServerBuilder> configure, ILoggerFactory loggerFactory)
    {
        Name = name;
        _services = services;
        _configure = configure;
        _loggerFactory = loggerFactory;
    }

    /// <summary>The name it was registered with.</summary>
    public string Name { get; }

    /// <summary>The stream server once started (null when no stream endpoint was declared).</summary>
    public Server? Server => _server;

    /// <summary>The datagram listeners once started, in the order they were declared.</summary>
    public IReadOnlyList<DatagramListener> DatagramListeners => _listeners;

    /// <summary>The bound stream endpoints (ephemeral ports resolved), once started.</summary>
    public IReadOnlyList<EndPoint> StreamEndPoints => _server?.EndPoints ?? [];

    /// <summary>The bound datagram endpoints (ephemeral ports resolved), once started.</summary>
    public IReadOnlyList<IPEndPoint> DatagramEndPoints => [.. _listeners.SelectMany(listener => listener.LocalEndPoints)];

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_server is not null || _listeners.Count > 0)
        {
            throw new InvalidOperationException($"The codec server '{Name}' was already started.");
        }

        var declared = new CodecServerBuilder(_services);
        _configure(_services, declared);
        if (declared.Streams.Count == 0 && declared.Datagrams.Count == 0)
        {
            throw new InvalidOperationException($"The codec server '{Name}' declares no endpoint: call Listen or ListenDatagrams.");
        }

        try
        {
            if (declared.Streams.Count > 0)
            {
                var builder = new ServerBuilder(_services);
                foreach (Action<ServerBuilder> step in declared.Streams)
                {
                    step(builder);
                }

                _server = builder.Build();
                await _server.StartAsync(cancellationToken).ConfigureAwait(false);
            }

            ILogger datagramLogger = _loggerFactory.CreateLogger<DatagramListener>();
            foreach (CodecServerBuilder.DatagramRegistration registration in declared.Datagrams)
            {
                DatagramListener listener = registration.Create(datagramLogger);
                _listeners.Add(listener);
                listener.Start();
            }
        }
        catch
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var stopping = new List<Task>(_listeners.Count + 1);
        if (_server is { } server)
        {
            stopping.Add(server.StopAsync(cancellationToken));
        }

        stopping.AddRange(_listeners.Select(listener => listener.StopAsync(cancellationToken)));
        try
        {
            await Task.WhenAll(stopping).ConfigureAwait(false);
        }
        finally
        {
            await DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Disposes the server and the listeners, waiting for them to stop if they still run (a container disposed
    /// synchronously; the host stops them first, so this has nothing left to do).
    /// </summary>
    public void Dispose()
    {
        if (_server is not null || _listeners.Count > 0)
        {
            DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Disposes the server and the listeners (stopping them at once if they still run).</summary>
    public async ValueTask DisposeAsync()
    {
        Server? server = _server;
        _server = null;
        DatagramListener[] listeners = [.. _listeners];
        _listeners.Clear();
        if (server is not null)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }

        foreach (DatagramListener listener in listeners)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }
    }
}
