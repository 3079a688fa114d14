using System.CommandLine;
using Codec.Cli.Decoding;

var root = new RootCommand("codecs: decode, serve and route network protocols defined with Codec attributes.");
root.Subcommands.Add(DecodeCommand.Create());
return root.Parse(args).Invoke();
