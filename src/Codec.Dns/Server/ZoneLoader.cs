using Codec.Dns.Authority;
using Codec.Dns.Zones;

namespace Codec.Dns.Server;

/// <summary>Loads every zone a server's options name into one <see cref="ZoneSet"/>, or says what is wrong.</summary>
public static class ZoneLoader
{
    /// <summary>The zones of <paramref name="options"/>; null with the errors (file:line: reason) if any file is bad.</summary>
    public static ZoneSet? Load(DnsServerOptions options, out IReadOnlyList<ZoneFileError> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        var zones = new List<Zone>(options.Zones);
        var problems = new List<ZoneFileError>();
        foreach (string file in options.ZoneFiles)
        {
            ZoneLoadResult result = ZoneFile.Load(file);
            if (result.Zone is { } zone)
            {
                zones.Add(zone);
            }
            else if (result.Error is { } error)
            {
                problems.Add(error);
            }
        }

        errors = problems;
        if (problems.Count > 0)
        {
            return null;
        }

        if (zones.Count == 0 && options.Forwarders.Count == 0 && options.SampleZoneWhenEmpty)
        {
            zones.Add(ZoneFile.Sample());
        }

        return new ZoneSet(zones);
    }
}
