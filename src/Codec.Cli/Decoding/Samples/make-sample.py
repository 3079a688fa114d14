#!/usr/bin/env python3
"""Builds sample.pcap, the capture `codecs decode` shows when given no input (run: python3 make-sample.py).

Eight frames of a host (192.0.2.10 / 2001:db8::10, RFC 5737 and RFC 3849 documentation addresses) looking up a name
and connecting: a DHCP discover on VLAN 10, a DNS query and its answer, a ping and its reply, an IPv6 neighbor
solicitation and a TCP handshake over IPv6 with the usual SYN options. Every checksum is correct.
"""
import struct

def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF

def ip4(a): return bytes(int(x) for x in a.split("."))
def ip6(a):
    import ipaddress
    return ipaddress.IPv6Address(a).packed
def mac(m): return bytes.fromhex(m.replace(":", ""))

HOST, ROUTER = mac("02:00:5e:00:00:0a"), mac("02:00:5e:00:00:01")

def eth(dst, src, etype, payload): return dst + src + struct.pack("!H", etype) + payload
def vlan(vid, etype, payload): return struct.pack("!HH", vid, etype) + payload

def ipv4(src, dst, proto, payload, ident, ttl=64):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, 0x4000, ttl, proto, 0, ip4(src), ip4(dst))
    h = h[:10] + struct.pack("!H", csum(h)) + h[12:]
    return h + payload

def udp4(src, dst, sport, dport, data):
    u = struct.pack("!HHHH", sport, dport, 8 + len(data), 0) + data
    pseudo = ip4(src) + ip4(dst) + struct.pack("!BBH", 0, 17, len(u))
    c = csum(pseudo + u) or 0xFFFF
    return u[:6] + struct.pack("!H", c) + u[8:]

def ipv6(src, dst, nh, payload, hlim=64):
    return struct.pack("!IHBB", 0x60000000, len(payload), nh, hlim) + ip6(src) + ip6(dst) + payload

def l4_6(src, dst, nh, seg, at):
    pseudo = ip6(src) + ip6(dst) + struct.pack("!IxxxB", len(seg), nh)
    c = csum(pseudo + seg)
    return seg[:at] + struct.pack("!H", c) + seg[at + 2:]

def dns_name(n): return b"".join(bytes([len(p)]) + p.encode() for p in n.split(".") if p) + b"\0"

query = struct.pack("!HHHHHH", 0x3a5c, 0x0120, 1, 0, 0, 1) + dns_name("example.com") + struct.pack("!HH", 1, 1) \
    + b"\0" + struct.pack("!HHIH", 41, 1232, 0, 0)
answer = struct.pack("!HHHHHH", 0x3a5c, 0x8180, 1, 1, 0, 1) + dns_name("example.com") + struct.pack("!HH", 1, 1) \
    + b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 3600, 4) + ip4("93.184.215.14") \
    + b"\0" + struct.pack("!HHIH", 41, 1232, 0, 0)

dhcp = struct.pack("!BBBBIHH4s4s4s4s16s64s128s", 1, 1, 6, 0, 0x5ee1c0de, 0, 0x8000, b"\0" * 4, b"\0" * 4, b"\0" * 4,
                   b"\0" * 4, HOST + b"\0" * 10, b"\0" * 64, b"\0" * 128) \
    + bytes.fromhex("63825363") + bytes([53, 1, 1, 55, 4, 1, 3, 6, 15, 255])

def icmp_echo(t, ident, seq, data):
    m = struct.pack("!BBHHH", t, 0, 0, ident, seq) + data
    return m[:2] + struct.pack("!H", csum(m)) + m[4:]

ping_data = bytes(range(0x10, 0x30))
ns = struct.pack("!BBHI", 135, 0, 0, 0) + ip6("2001:db8::1") + bytes([1, 1]) + HOST
syn_opts = struct.pack("!BBH", 2, 4, 1440) + bytes([4, 2]) + struct.pack("!BBII", 8, 10, 2860101010, 0) + bytes([1, 3, 3, 7])
synack_opts = struct.pack("!BBH", 2, 4, 1440) + bytes([4, 2]) + struct.pack("!BBII", 8, 10, 1987654321, 2860101010) + bytes([1, 3, 3, 7])

def tcp6(src, dst, sport, dport, seq, ack, flags, opts):
    seg = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, (5 + len(opts) // 4) << 4, flags, 64800, 0, 0) + opts
    return l4_6(src, dst, 6, seg, 16)

A, R, D = "2001:db8::10", "2001:db8::1", "2001:db8::80"
frames = [
    eth(b"\xff" * 6, HOST, 0x8100, vlan(10, 0x0800, ipv4("0.0.0.0", "255.255.255.255", 17, udp4("0.0.0.0", "255.255.255.255", 68, 67, dhcp), 0x0001, ttl=64))),
    eth(ROUTER, HOST, 0x0800, ipv4("192.0.2.10", "192.0.2.53", 17, udp4("192.0.2.10", "192.0.2.53", 53211, 53, query), 0x1c46)),
    eth(HOST, ROUTER, 0x0800, ipv4("192.0.2.53", "192.0.2.10", 17, udp4("192.0.2.53", "192.0.2.10", 53, 53211, answer), 0x7d21)),
    eth(ROUTER, HOST, 0x0800, ipv4("192.0.2.10", "93.184.215.14", 1, icmp_echo(8, 0x4d2, 1, ping_data), 0x1c47)),
    eth(HOST, ROUTER, 0x0800, ipv4("93.184.215.14", "192.0.2.10", 1, icmp_echo(0, 0x4d2, 1, ping_data), 0x0000, ttl=56)),
    eth(mac("33:33:ff:00:00:01"), HOST, 0x86DD, ipv6(A, "ff02::1:ff00:1", 58, l4_6(A, "ff02::1:ff00:1", 58, ns, 2), hlim=255)),
    eth(ROUTER, HOST, 0x86DD, ipv6(A, D, 6, tcp6(A, D, 50514, 443, 2860101009, 0, 0x02, syn_opts))),
    eth(HOST, ROUTER, 0x86DD, ipv6(D, A, 6, tcp6(D, A, 443, 50514, 1987654320, 2860101010, 0x12, synack_opts), hlim=57)),
]

out = struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1)
t = 1767225600  # 2026-01-01T00:00:00Z
for i, f in enumerate(frames):
    usec = 120000 + i * 13577
    out += struct.pack("<IIII", t, usec, len(f), len(f)) + f
open("sample.pcap", "wb").write(out)
print(len(frames), "frames,", len(out), "bytes")
