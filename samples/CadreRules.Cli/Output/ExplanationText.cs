using System.Globalization;

namespace CadreRules.Cli.Output;

/// <summary>The console form of a <see cref="CadreExplanation"/>.</summary>
internal static class ExplanationText
{
    public static void Write(TextWriter writer, CadreExplanation explanation)
    {
        var cadre = explanation.Cadre;
        var facts = new List<string> { cadre.Rank.ToString() };
        if (cadre.Leadership)
        {
            facts.Add("leading cadre");
        }

        if (cadre.CityManaged)
        {
            facts.Add("city-managed");
        }

        string unit = explanation.Unit is { } u ? $"{u.Name} ({u.Id}, {u.Kind})" : cadre.UnitId;
        writer.WriteLine($"{cadre.Id} {cadre.Name} · {unit} · {string.Join(", ", facts)}");
        int own = explanation.Decisions.Count(d => d.Subject == cadre.Id);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"as of {explanation.AsOf:yyyy-MM-dd} · {own} {(own == 1 ? "decision" : "decisions")} about the cadre"));

        writer.WriteLine();
        writer.WriteLine("Decisions");
        if (explanation.Decisions.Count == 0)
        {
            writer.WriteLine("  (none)");
        }
        else
        {
            var table = new TextTable("Subject", "Decision", "Rules", "Details", "Evidence");
            foreach (var decision in explanation.Decisions)
            {
                table.AddRow(
                    decision.Subject,
                    decision.Kind.Name,
                    DecisionText.Rules(decision),
                    DecisionText.Details(decision),
                    string.Join(", ", decision.Evidence));
            }

            table.WriteTo(writer, "  ");
        }

        writer.WriteLine();
        writer.WriteLine("Why");
        foreach (var sentence in explanation.Sentences)
        {
            writer.WriteLine($"  {sentence}");
        }

        writer.WriteLine();
        writer.WriteLine("Evidence and measures");
        if (explanation.Evidence.Count == 0)
        {
            writer.WriteLine("  (none)");
            return;
        }

        var evidence = new TextTable("Id", "Date", "Channel", "Kind", "Summary", "Cited by");
        foreach (var record in explanation.Evidence)
        {
            evidence.AddRow(
                record.Id,
                record.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                record.Channel?.ToString() ?? "-",
                record.Kind,
                record.Summary,
                record.CitedBy.Count == 0 ? "-" : string.Join(", ", record.CitedBy));
        }

        evidence.WriteTo(writer, "  ");
    }
}
