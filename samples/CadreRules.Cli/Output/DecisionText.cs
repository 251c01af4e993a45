namespace CadreRules.Cli.Output;

/// <summary>Short, human-readable forms of decisions and their details for the console.</summary>
internal static class DecisionText
{
    /// <summary>The kind with its most telling details, e.g. <c>PromotionBlocked (until 2025-03-01)</c>.</summary>
    public static string Summary(Decision decision)
    {
        string? Detail(string key) => decision.GetDetail(key);
        string? inner = decision.Kind.Name switch
        {
            nameof(DecisionKind.ScheduledAssessment) => Detail(DetailKeys.Assessment),
            nameof(DecisionKind.Adjustment) => Detail(DetailKeys.Form),
            nameof(DecisionKind.PromotionBlocked) => $"until {Detail(DetailKeys.EligibleFrom)}",
            nameof(DecisionKind.JointConsultation) => Detail(DetailKeys.Channels),
            nameof(DecisionKind.NegativeListEntry) => $"{Detail(DetailKeys.Category)} {Detail(DetailKeys.Status)}",
            nameof(DecisionKind.Tracking) =>
                $"{Detail(DetailKeys.Measure)}, {Detail(DetailKeys.Status)}, promotion {Detail(DetailKeys.PromotionEligibleFrom)}, leadership {Detail(DetailKeys.LeadershipEligibleFrom)}",
            nameof(DecisionKind.ReinstatementCandidate) => $"{Detail(DetailKeys.Form)} after {Detail(DetailKeys.Measure)}",
            _ => null,
        };

        if (inner is null && !decision.Kind.IsAboutUnit && decision.Details.Count > 0 && !IsBuiltIn(decision.Kind))
        {
            // A host rule's own kind: show its details generically rather than hide them.
            inner = Details(decision);
        }

        return string.IsNullOrEmpty(inner) ? decision.Kind.Name : $"{decision.Kind.Name} ({inner})";
    }

    /// <summary>Every detail as <c>key: value</c>, keys in the report's order.</summary>
    public static string Details(Decision decision) =>
        string.Join("; ", decision.Details.Select(kv => $"{kv.Key}: {Value(DetailKeys.Format(kv.Value))}"));

    public static string Rules(Decision decision) => string.Join(", ", decision.Rules);

    private static string Value(string text) => text.Length == 0 ? "none" : text;

    private static bool IsBuiltIn(DecisionKind kind) => DecisionKind.BuiltIn.Contains(kind);
}
