namespace CadreRules.Rules;

/// <summary>
/// Firing tiers of the built-in rules. NRules fires higher priorities first, and a rule whose
/// <c>Not</c> condition is broken before it fires is taken off the agenda; so a rule that must
/// see other rules' proposals (BOARD-01 needs every yellow board, exclusion and negative-list entry)
/// sits in a lower tier than those rules. Host rules default to priority 0 and so see them all.
/// </summary>
public static class RulePriority
{
    /// <summary>Rules that read only input facts.</summary>
    public const int Facts = 30;

    /// <summary>Rules that read proposals of the <see cref="Facts"/> tier (IDENT-03, BOARD-01, MECH-02).</summary>
    public const int Derived = 20;

    /// <summary>Rules that read proposals of the <see cref="Derived"/> tier (MECH-01, MECH-04, REINST-01).</summary>
    public const int Consequences = 10;
}
