namespace CadreRules.Rules;

/// <summary>
/// Marks a built-in rule that can fire only in a cadre session: its only top-level pattern is a
/// <see cref="Proposal"/> whose conditions require <see cref="Proposal.Record"/>, which is
/// <see langword="null"/> outside the cadre sessions. The unit sessions are compiled without such rules
/// (<see cref="MatchedFactTypes.CanFireInUnitSessions"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class CadreSessionOnlyAttribute : Attribute
{
}
