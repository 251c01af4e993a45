namespace CadreRules.Serialization;

/// <summary>How <see cref="RosterReader"/> reads a document. Never changes the result.</summary>
public sealed class RosterReaderOptions
{
    /// <summary>
    /// Gets or sets the most threads that parse a large document's record sections at once; -1 means one
    /// per processor, 1 reads sequentially. See <see cref="RosterReader"/>, "Parallel reading".
    /// </summary>
    /// <value>The default value is -1.</value>
    public int MaxDegreeOfParallelism { get; set; } = -1;
}
