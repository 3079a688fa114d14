using System.Net;
using Microsoft.AspNetCore.Connections;

namespace Codec.Transport.Connections;

/// <summary>An endpoint to listen on, the transport that binds it, and the middleware chain its connections run.</summary>
internal sealed record ServerBinding(IConnectionListenerFactory Transport, EndPoint EndPoint, ConnectionDelegate Application);
