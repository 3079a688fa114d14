namespace Codec.Generator.Model
{
    /// <summary>A model the generator writes one file for.</summary>
    internal interface IGeneratedModel
    {
        /// <summary>The name of that file, unique in the compilation.</summary>
        string HintName { get; }
    }

    /// <summary>The parse of one attributed type: a model when it is valid, and the diagnostics found.</summary>
    internal interface IParseResult<out TModel>
        where TModel : class, IGeneratedModel
    {
        TModel? Model { get; }

        EquatableArray<DiagnosticInfo> Diagnostics { get; }
    }
}
