using System.Text.RegularExpressions;
using Codec.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Codec.Generator.Tests.Diagnostics;

/// <summary>Builds minimal bad messages and checks what the generator reports for them.</summary>
internal static class DiagnosticAssert
{
    /// <summary>
    /// A source with one message named <c>Bad</c>. <paramref name="members"/> go inside the struct,
    /// <paramref name="typeAttributes"/> after <c>[Message]</c>. A few helper types are declared beside it:
    /// <c>Small</c> (enum : byte), <c>IntBlock</c> ([InlineArray] of int) and <c>Payload</c> (a plain struct).
    /// </summary>
    public static string Message(string members, string typeAttributes = "", string declaration = "public partial struct Bad") => $$"""
        using System;
        using System.Runtime.CompilerServices;
        using Codec;

        namespace Tests;

        public enum Small : byte
        {
            A = 0,
            B = 1,
        }

        [InlineArray(4)]
        public struct IntBlock
        {
            public int Element0;
        }

        public struct Payload
        {
            public int Value;
        }

        [Message]
        {{typeAttributes}}
        {{declaration}}
        {
        {{members}}
        }
        """;

    /// <summary>
    /// Runs the generator over <paramref name="source"/> and checks that:
    /// the user's code compiles on its own; the generator did not throw; it reported <paramref name="id"/> and no
    /// other ID, as an error; every report points at source text containing one of <paramref name="locationContainsAny"/>
    /// and its message contains each of <paramref name="messageContains"/>; the generated code adds no compiler
    /// error and has no warning; and nothing at all was generated for <paramref name="typeName"/>.
    /// </summary>
    public static GeneratorRun Reports(
        string id,
        string source,
        string typeName,
        string[] locationContainsAny,
        params string[] messageContains)
    {
        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.True(
            !run.InputDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error),
            "The test source itself must compile:" + Environment.NewLine + GeneratorRun.Describe(run.InputDiagnostics));
        AssertReports(run, id, typeName, locationContainsAny, messageContains);
        return run;
    }

    /// <summary>
    /// The checks of <see cref="Reports"/> on a <paramref name="run"/> the caller made (over a source that may have errors
    /// of its own, which the caller has checked): only <paramref name="id"/>, as an error, where and as expected; no
    /// crash; generated code without errors or warnings; nothing generated for <paramref name="typeName"/>.
    /// </summary>
    public static void AssertReports(GeneratorRun run, string id, string typeName, string[] locationContainsAny, string[] messageContains)
    {
        Assert.Null(run.Result.Exception);

        AssertDriverReportedNoCrash(run);

        Assert.True(
            run.GeneratorDiagnostics.Length > 0 && run.GeneratorDiagnostics.All(d => d.Id == id),
            $"Expected only {id}, got:" + Environment.NewLine + GeneratorRun.Describe(run.GeneratorDiagnostics));

        foreach (Diagnostic diagnostic in run.GeneratorDiagnostics)
        {
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Descriptor.DefaultSeverity);

            string? located = run.LocationText(diagnostic);
            Assert.True(located is not null, $"{diagnostic} has no location in the sources (location: {diagnostic.Location})");
            Assert.True(
                locationContainsAny.Any(located!.Contains),
                $"{diagnostic} points at '{located}', which contains none of [{string.Join(", ", locationContainsAny)}]");

            string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            foreach (string part in messageContains)
            {
                Assert.True(message.Contains(part, StringComparison.Ordinal), $"Message '{message}' should contain '{part}'");
            }
        }

        Assert.True(
            run.ErrorsAddedByGeneration.IsEmpty,
            "Generated code must never add compiler errors:" + Environment.NewLine + GeneratorRun.Describe(run.ErrorsAddedByGeneration)
            + Environment.NewLine + run.DescribeGenerated());
        Assert.True(
            run.GeneratedCodeProblems.IsEmpty,
            "Generated code must have no errors or warnings:" + Environment.NewLine + GeneratorRun.Describe(run.GeneratedCodeProblems));

        AssertNothingGeneratedFor(run, typeName);
    }

    /// <summary>No generated file names <paramref name="typeName"/> or mentions it.</summary>
    public static void AssertNothingGeneratedFor(GeneratorRun run, string typeName)
    {
        var mentions = new Regex($@"\b{Regex.Escape(typeName)}\b");
        Assert.True(
            !run.GeneratedSources.Any(kv => mentions.IsMatch(kv.Key) || mentions.IsMatch(kv.Value)),
            $"Nothing should be generated for the invalid type {typeName}, but:" + Environment.NewLine + run.DescribeGenerated());
    }

    private static void AssertDriverReportedNoCrash(GeneratorRun run)
    {
        // A generator that throws is reported by the driver as CS8785 (warning) rather than by our diagnostics.
        Assert.DoesNotContain(run.DriverDiagnostics, d => d.Id == "CS8785");
        Assert.DoesNotContain(run.OutputDiagnostics, d => d.Id == "CS8785");
    }
}
