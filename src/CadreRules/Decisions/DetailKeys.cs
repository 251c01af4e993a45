using System.Globalization;

namespace CadreRules;

/// <summary>The detail keys used by the built-in decision kinds (REPORT-FORMAT.md, <c>details</c>).</summary>
public static class DetailKeys
{
    /// <summary><c>assessment</c>: <c>MidYear</c> / <c>YearEnd</c> (ScheduledAssessment).</summary>
    public const string Assessment = "assessment";

    /// <summary><c>indicators</c>: declining indicator names (SpecialInspection).</summary>
    public const string Indicators = "indicators";

    /// <summary><c>projects</c>: lagging project ids (SpecialInspection).</summary>
    public const string Projects = "projects";

    /// <summary><c>category</c>: the negative-list category (NegativeListEntry).</summary>
    public const string Category = "category";

    /// <summary><c>status</c>: EarlySign / Verified (NegativeListEntry), InInfluencePeriod / PeriodElapsed (Tracking).</summary>
    public const string Status = "status";

    /// <summary><c>channels</c>: oversight channel names (JointConsultation).</summary>
    public const string Channels = "channels";

    /// <summary><c>form</c>: the adjustment form (Adjustment) or reinstatement form (ReinstatementCandidate).</summary>
    public const string Form = "form";

    /// <summary><c>eligibleFrom</c>: the date a promotion block ends (PromotionBlocked).</summary>
    public const string EligibleFrom = "eligibleFrom";

    /// <summary><c>measure</c>: the tracked measure id (Tracking, ReinstatementCandidate).</summary>
    public const string Measure = "measure";

    /// <summary><c>leadershipEligibleFrom</c> (Tracking).</summary>
    public const string LeadershipEligibleFrom = "leadershipEligibleFrom";

    /// <summary><c>promotionEligibleFrom</c> (Tracking).</summary>
    public const string PromotionEligibleFrom = "promotionEligibleFrom";

    /// <summary>Formats a detail value as text: dates as <c>yyyy-MM-dd</c>, lists comma-separated.</summary>
    /// <param name="value">A detail value.</param>
    /// <returns>The text.</returns>
    public static string Format(object value) => value switch
    {
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join(", ", list),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
