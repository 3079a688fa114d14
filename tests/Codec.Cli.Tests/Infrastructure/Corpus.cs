namespace Codec.Cli.Tests.Infrastructure;

/// <summary>
/// The shared corpus (<c>../shared/corpus</c> beside the repository; referenced, never copied): from
/// <c>CODECS_CORPUS</c>, or found by walking up from the working directory and the test binaries. Under CI a missing
/// corpus fails the test rather than skipping it.
/// </summary>
internal static class Corpus
{
    private static string? SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path);

    public static string Directory
    {
        get
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable("CODECS_CORPUS");
            if (!string.IsNullOrEmpty(fromEnvironment) && System.IO.Directory.Exists(fromEnvironment))
            {
                return fromEnvironment;
            }

            // vstest runs tests in the output folder, which --artifacts-path can put anywhere: also try the shell's
            // directory and this source file's (the csproj keeps real source paths for that).
            string?[] starts = [Environment.GetEnvironmentVariable("PWD"), SourceDirectory(), Environment.CurrentDirectory, AppContext.BaseDirectory];
            foreach (string? start in starts)
            {
                for (string? dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
                {
                    string candidate = Path.Combine(dir, "shared", "corpus");
                    if (System.IO.Directory.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }

            throw new InvalidOperationException("shared/corpus was not found above " + string.Join(", ", starts) + "; set CODECS_CORPUS.");
        }
    }
}
