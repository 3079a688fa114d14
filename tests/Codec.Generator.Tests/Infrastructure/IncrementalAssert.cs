using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace Codec.Generator.Tests.Infrastructure;

/// <summary>
/// Assertions over the tracked steps of an incremental generator run
/// (<see cref="GeneratorDriverOptions.TrackIncrementalGeneratorSteps"/> must be on, as in <see cref="GeneratorHarness"/>).
/// </summary>
/// <remarks>
/// Why this matters: a generator runs on every keystroke in the IDE. Its pipeline only skips work when each step's
/// output compares equal to the previous run's, which requires value models (records of strings, numbers and
/// equatable arrays). A model that holds an <see cref="ISymbol"/>, a <see cref="SyntaxNode"/>, a
/// <see cref="Location"/>, a <see cref="SemanticModel"/> or a <see cref="Compilation"/> is never equal across
/// compilations and also keeps the whole old compilation alive.
/// </remarks>
public static class IncrementalAssert
{
    /// <summary>
    /// Every output of every named step has reason <see cref="IncrementalStepRunReason.Cached"/> or
    /// <see cref="IncrementalStepRunReason.Unchanged"/>. Each name must be a tracked step of the run (so a renamed
    /// step cannot make the assertion pass vacuously), and the steps together must have at least one output.
    /// </summary>
    public static void AllCachedOrUnchanged(GeneratorDriverRunResult runResult, IEnumerable<string> stepNames)
    {
        GeneratorRunResult result = SingleResult(runResult);
        var offenders = new List<string>();
        int outputs = 0;
        foreach (string name in stepNames)
        {
            foreach (IncrementalGeneratorRunStep step in GetSteps(result, name))
            {
                foreach ((object value, IncrementalStepRunReason reason) in step.Outputs)
                {
                    outputs++;
                    if (reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                    {
                        offenders.Add($"{name}: {reason} <- {Show(value)}");
                    }
                }
            }
        }

        if (outputs == 0)
        {
            throw FailException.ForFailure(
                $"The steps {string.Join(", ", stepNames)} had no outputs at all; the test would pass vacuously.");
        }

        if (offenders.Count > 0)
        {
            throw FailException.ForFailure(
                "Expected every output of the tracked steps to be Cached or Unchanged after the edit, but:" + Environment.NewLine
                + string.Join(Environment.NewLine, offenders));
        }
    }

    /// <summary>At least one output of the named step has reason Modified or New (the step did see the edit).</summary>
    public static void AnyModifiedOrNew(GeneratorDriverRunResult runResult, string stepName)
    {
        GeneratorRunResult result = SingleResult(runResult);
        var reasons = GetSteps(result, stepName)
            .SelectMany(s => s.Outputs)
            .Select(o => o.Reason)
            .ToList();
        if (!reasons.Any(r => r is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New))
        {
            throw FailException.ForFailure(
                $"Expected an output of step '{stepName}' to be Modified or New, but its outputs were: [{string.Join(", ", reasons)}]");
        }
    }

    /// <summary>
    /// No output value of the named steps is, or holds (through fields, properties or enumerations, recursively), a
    /// Roslyn object that must not be cached: <see cref="ISymbol"/>, <see cref="SyntaxNode"/>, <see cref="Location"/>,
    /// <see cref="SemanticModel"/> or <see cref="Compilation"/>.
    /// </summary>
    public static void NoRoslynObjectsInOutputs(GeneratorDriverRunResult runResult, IEnumerable<string> stepNames)
    {
        GeneratorRunResult result = SingleResult(runResult);
        var found = new List<string>();
        foreach (string name in stepNames)
        {
            foreach (IncrementalGeneratorRunStep step in GetSteps(result, name))
            {
                foreach ((object value, _) in step.Outputs)
                {
                    found.AddRange(FindRoslynObjects(value).Select(path => $"{name}: {path}"));
                }
            }
        }

        if (found.Count > 0)
        {
            throw FailException.ForFailure(
                "Incremental step outputs must be plain values, but these hold Roslyn objects:" + Environment.NewLine
                + string.Join(Environment.NewLine, found.Distinct()));
        }
    }

    /// <summary>
    /// The paths (e.g. <c>$.Model.Fields[2].Symbol</c>) at which <paramref name="root"/> is or holds a forbidden Roslyn
    /// object. Tested with <c>is</c>: the real objects are internal subclasses (e.g. SourceNamedTypeSymbol), so a
    /// comparison of exact types would never match.
    /// </summary>
    public static IReadOnlyList<string> FindRoslynObjects(object? root)
    {
        var found = new List<string>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(root, "$", 0);
        return found;

        void Walk(object? value, string path, int depth)
        {
            if (value is null || depth > MaxDepth)
            {
                return;
            }

            if (value is ISymbol or SyntaxNode or Location or SemanticModel or Compilation
                or SyntaxTree or SyntaxToken or SyntaxTrivia or SyntaxReference)
            {
                found.Add($"{path} is {value.GetType().FullName}");
                return;
            }

            Type type = value.GetType();
            if (IsLeaf(type))
            {
                return;
            }

            if (!type.IsValueType && !visited.Add(value))
            {
                return;
            }

            if (value is IEnumerable enumerable)
            {
                int index = 0;
                foreach (object? item in SafeEnumerate(enumerable))
                {
                    Walk(item, $"{path}[{index++}]", depth + 1);
                }
            }

            for (Type? t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
            {
                foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.FieldType.IsPointer || field.FieldType.IsByRef)
                    {
                        continue;
                    }

                    Walk(Get(() => field.GetValue(value)), $"{path}.{field.Name}", depth + 1);
                }

                foreach (PropertyInfo property in t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly))
                {
                    if (property.GetIndexParameters().Length > 0 || property.GetMethod is null
                        || property.PropertyType.IsPointer || property.PropertyType.IsByRef || property.PropertyType.IsByRefLike)
                    {
                        continue;
                    }

                    Walk(Get(() => property.GetValue(value)), $"{path}.{property.Name}", depth + 1);
                }
            }
        }
    }

    private const int MaxDepth = 24;

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type.IsPointer
        || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
        || type == typeof(TimeSpan) || type == typeof(Guid)
        || typeof(MemberInfo).IsAssignableFrom(type)        // Type, MethodInfo, …: reflection metadata, not models
        || typeof(Delegate).IsAssignableFrom(type)
        || typeof(Pointer).IsAssignableFrom(type);

    private static object? Get(Func<object?> getter)
    {
        try
        {
            return getter();
        }
        catch (Exception)
        {
            return null;    // e.g. a default ImmutableArray's throwing members, or a property that is not meant to be read
        }
    }

    private static IEnumerable<object?> SafeEnumerate(IEnumerable enumerable)
    {
        IEnumerator enumerator;
        try
        {
            enumerator = enumerable.GetEnumerator();
        }
        catch (Exception)
        {
            yield break;    // a default ImmutableArray<T> throws
        }

        int count = 0;
        while (true)
        {
            object? current;
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }

                current = enumerator.Current;
            }
            catch (Exception)
            {
                yield break;
            }

            if (++count > 10_000)
            {
                yield break;
            }

            yield return current;
        }
    }

    private static GeneratorRunResult SingleResult(GeneratorDriverRunResult runResult)
    {
        Assert.Single(runResult.Results);
        return runResult.Results[0];
    }

    private static ImmutableArray<IncrementalGeneratorRunStep> GetSteps(GeneratorRunResult result, string name)
    {
        if (!result.TrackedSteps.TryGetValue(name, out ImmutableArray<IncrementalGeneratorRunStep> steps))
        {
            throw FailException.ForFailure(
                $"No tracked step named '{name}'. Tracked steps: [{string.Join(", ", result.TrackedSteps.Keys.Order())}]");
        }

        return steps;
    }

    private static string Show(object? value)
    {
        string text = value?.ToString() ?? "null";
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}
