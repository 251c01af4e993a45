using CadreRules;
using CadreRules.HostSample;
using CadreRules.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// A generic host that evaluates one roster and stops: options from appsettings.json (section
// "CadreRules"), one host rule with a scoped dependency, the engine's own logs for start and end.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services
    .AddCadreRules(builder.Configuration.GetSection("CadreRules"))
    .AddCadreRule<CommitteeAgendaRule>()
    .AddScoped<ICommitteeCalendar, ConfiguredCommitteeCalendar>()
    .AddHostedService<EvaluationWorker>();
await builder.Build().RunAsync();

internal sealed class EvaluationWorker(ICadreEvaluator evaluator, CadreRulesTelemetry telemetry, IConfiguration configuration,
    ILogger<EvaluationWorker> logger, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string path = configuration["Roster"] ?? "samples/data/yinchuan-2024H2.json";
        try
        {
            var report = evaluator.Evaluate(RosterReader.ReadFile(path), stoppingToken);
            logger.LogInformation("Policy {Policy} v{Version}: {Counts}", report.Policy, report.PolicyVersion,
                string.Join(", ", report.Counts.Select(c => $"{c.Key} {c.Value}")));
            foreach (var decision in report.Decisions.Where(d => d.Kind == CommitteeAgendaRule.CommitteeAgenda))
            {
                logger.LogInformation("{Subject} on the committee agenda of {Meeting}", decision.Subject, decision.GetDetail("meeting"));
            }
        }
        catch (RosterValidationException ex)
        {
            telemetry.InputRejected(Path.GetFileName(path), ex);
            Environment.ExitCode = 2;
        }

        lifetime.StopApplication();
        return Task.CompletedTask;
    }
}
