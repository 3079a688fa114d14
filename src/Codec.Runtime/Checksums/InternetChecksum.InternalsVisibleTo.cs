using System.Runtime.CompilerServices;

// The per-width kernels (InternetChecksum.AddVector128/AddVector256) are internal: the tests check each against the
// scalar baseline whatever the machine accelerates, and the checksum benchmarks compare them.
[assembly: InternalsVisibleTo("Codec.Runtime.Tests")]
[assembly: InternalsVisibleTo("Codec.Benchmarks")]
