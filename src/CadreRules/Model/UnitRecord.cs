namespace CadreRules;

/// <summary>
/// A unit with its cadres, as one fact of the unit phase. ASSESS-01 matches this fact instead of
/// joining the unit with each of its cadres: every fact inserted into a session costs its way through
/// the network, and a million-cadre roster would otherwise put every cadre through the unit sessions
/// too. The raw <see cref="Cadre"/> facts still go into the unit sessions when some active rule's
/// patterns can match them (a host rule that joins <see cref="Unit"/> and <see cref="Cadre"/>, say).
/// Host rules may match this fact too.
/// </summary>
public sealed class UnitRecord
{
    /// <summary>Creates a record.</summary>
    /// <param name="policy">The evaluation's context (as-of, windows, options) the unit is judged in.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="cadres">The unit's cadres.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public UnitRecord(PolicyContext policy, Unit unit, IReadOnlyList<Cadre> cadres)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(cadres);
        Policy = policy;
        Unit = unit;
        Cadres = cadres;
    }

    /// <summary>Gets the evaluation's context.</summary>
    public PolicyContext Policy { get; }

    /// <summary>Gets the unit.</summary>
    public Unit Unit { get; }

    /// <summary>Gets the unit's id.</summary>
    public string Id => Unit.Id;

    /// <summary>Gets the unit's cadres.</summary>
    public IReadOnlyList<Cadre> Cadres { get; }
}
