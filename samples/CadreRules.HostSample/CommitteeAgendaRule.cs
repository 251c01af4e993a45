using System.Globalization;
using CadreRules.Rules;
using Microsoft.Extensions.Configuration;
using NRules.Fluent.Dsl;

namespace CadreRules.HostSample;

/// <summary>Dates of the organization department's committee meetings (部务会), from the host.</summary>
public interface ICommitteeCalendar
{
    DateOnly NextMeetingAfter(DateOnly date);
}

/// <summary>The calendar of appsettings.json, <c>Committee:MeetingDay</c> of each month (default 10).</summary>
public sealed class ConfiguredCommitteeCalendar(IConfiguration configuration) : ICommitteeCalendar
{
    private readonly int _day = configuration.GetValue("Committee:MeetingDay", 10);

    public DateOnly NextMeetingAfter(DateOnly date)
    {
        var meeting = new DateOnly(date.Year, date.Month, _day);
        return meeting > date ? meeting : meeting.AddMonths(1);
    }
}

/// <summary>
/// SAMPLE-01: every proposed adjustment of a leading cadre goes on the agenda of the next committee
/// meeting after as-of. The calendar is resolved per evaluation from the host's container.
/// </summary>
[Name("SAMPLE-01"), Tag("host")]
[Description("A leading cadre with a proposed Adjustment is put on the next committee meeting's agenda.")]
public sealed class CommitteeAgendaRule : Rule
{
    public static readonly DecisionKind CommitteeAgenda = new("CommitteeAgenda");

    public override void Define()
    {
        ICommitteeCalendar calendar = null!;
        PolicyContext policy = null!;
        Cadre cadre = null!;
        Proposal adjustment = null!;

        Dependency().Resolve(() => calendar);

        When()
            .Match(() => policy)
            .Match(() => cadre, c => c.Leadership)
            .Match(() => adjustment, p => p.Kind == DecisionKind.Adjustment, p => p.Subject == cadre.Id);

        Then()
            .Do(ctx => ctx.Propose(CommitteeAgenda, cadre.Id, "Adjustment proposed: on the agenda of the next committee meeting (部务会).",
                adjustment.Evidence, Agenda(calendar.NextMeetingAfter(policy.AsOf))));
    }

    private static Dictionary<string, object> Agenda(DateOnly meeting) => new() { ["meeting"] = meeting };
}
