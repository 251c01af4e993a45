namespace CadreRules.Comparisons;

/// <summary>
/// Which cadre rules of POLICY.md fired for one cadre. The baseline fills it with C# conditions, the
/// RulesEngine implementation from its rule results, tier by tier; <see cref="DecisionWriter"/> turns
/// it into decisions.
/// </summary>
public sealed class CadreOutcome
{
    // Tier 1: rules on the cadre's own records.
    public bool NegativeList { get; set; }

    public bool Excluded { get; set; }

    public bool JointConsultation { get; set; }

    public bool Yellow { get; set; }

    public bool Demotion { get; set; }

    public bool Dismissal { get; set; }

    public bool Tracking { get; set; }

    public bool WorkStyleAdjustment { get; set; }

    // Tier 2: rules on tier-1 outcomes.
    public bool EarlySignReminder { get; set; }

    public bool Red { get; set; }

    public bool EscalateToAdjustment { get; set; }

    public bool EscalateToAdmonishment { get; set; }

    // Tier 3: rules on tier-2 outcomes.
    public bool Reminder { get; set; }

    public bool PromotionCandidate { get; set; }

    public bool PromotionBlocked { get; set; }

    public bool Reinstatement { get; set; }

    public bool Escalated => EscalateToAdjustment || EscalateToAdmonishment;

    public void Clear()
    {
        NegativeList = Excluded = JointConsultation = Yellow = Demotion = Dismissal = Tracking = WorkStyleAdjustment = false;
        EarlySignReminder = Red = EscalateToAdjustment = EscalateToAdmonishment = false;
        Reminder = PromotionCandidate = PromotionBlocked = Reinstatement = false;
    }
}
