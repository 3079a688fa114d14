using System.CommandLine;
using Codec.Cli.Decoding;
using Codec.Cli.Dns;

var root = new RootCommand("codecs: decode, serve and route network protocols defined with Codec attributes.");
root.Subcommands.Add(DecodeCommand.Create());
root.Subcommands.Add(DnsServeCommand.Create());
return root.Parse(args).Invoke();
