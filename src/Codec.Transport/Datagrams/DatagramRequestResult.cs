using System.Net;

namespace Codec.Transport.Datagrams;

/// <summary>Whether a reply matched a request; reads the reply without copying it.</summary>
/// <param name="reply">A datagram received from one of the endpoints asked so far.</param>
/// <returns>True when it answers the request (same transaction ID, question, ...).</returns>
public delegate bool DatagramReplyMatch(ReadOnlySpan<byte> reply);

/// <summary>The outcome of <see cref="DatagramClient.RequestAsync"/>.</summary>
/// <param name="Answered">Whether a matching reply came before the last endpoint's timeout.</param>
/// <param name="Length">The reply's length in the caller's buffer; 0 when not answered.</param>
/// <param name="Responder">The endpoint, from the caller's list, that answered; null when not answered.</param>
/// <param name="Attempts">How many endpoints were sent the request.</param>
/// <param name="Ignored">Datagrams received meanwhile that did not match or came from elsewhere.</param>
public readonly record struct DatagramRequestResult(bool Answered, int Length, IPEndPoint? Responder, int Attempts, int Ignored);
