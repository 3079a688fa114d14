using System.Diagnostics;
using System.Text.Json;

namespace Codec.Cli.Tests.Decoding;

/// <summary>The <c>codecs decode</c> command as a user runs it: a child process, its output and exit code.</summary>
public class DecodeCommandTests
{
    [Fact]
    public void With_no_input_it_decodes_the_embedded_sample_down_to_the_dns_question()
    {
        var (exit, output, error) = Run("decode");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Internet Protocol Version 4, 20 bytes", output);
        Assert.Contains("[Header checksum status: good]", output);
        Assert.Contains("Domain Name System, 40 bytes", output);
        Assert.Contains("[Query: example.com. IN A]", output);
    }

    [Fact]
    public void Json_is_one_object_per_frame_with_snake_case_fields()
    {
        var (exit, output, _) = Run("decode", "--format", "json");

        Assert.Equal(0, exit);
        string line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        JsonElement root = json.RootElement;
        Assert.Equal(1, root.GetProperty("frame").GetInt32());
        Assert.Equal("ok", root.GetProperty("status").GetString());
        JsonElement ip = root.GetProperty("layers")[1];
        Assert.Equal("192.0.2.10", ip.GetProperty("fields").GetProperty("source").GetString());
        Assert.Equal(17, ip.GetProperty("fields").GetProperty("protocol").GetInt32());
        Assert.Equal(64, ip.GetProperty("fields").GetProperty("ttl").GetInt32());
        Assert.True(root.GetProperty("layers")[3].GetProperty("fields").GetProperty("rd").GetBoolean());
    }

    [Fact]
    public void A_malformed_frame_prints_what_could_be_read_and_the_error_and_still_exits_zero()
    {
        var (exit, output, _) = Run("decode", "--hex", "46 00 00 14", "--link", "ipv4");

        Assert.Equal(0, exit);
        Assert.Contains(".... 0110 = Header Length: 6", output);
        Assert.Contains("[Error: NeedMoreData, truncated in field 'Identification' at byte 4", output);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("zz")]
    public void Input_that_is_not_hex_is_one_clear_line_and_a_non_zero_exit(string hex)
    {
        var (exit, output, error) = Run("decode", "--hex", hex);

        Assert.NotEqual(0, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("codecs decode: ", error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", error);
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "codecs.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "codecs did not finish within a minute");
        return (process.ExitCode, output.Result, error.Result);
    }
}
