using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace CadreRules;

/// <summary>
/// Binds the CadreRules configuration section. The stock binder appends to collections that have
/// default items, so a bound <c>RedBoardTasks</c> list would only ever add to the default tasks;
/// here a bound list replaces the default set, and <c>InfluencePeriods</c> entries override the
/// default table per measure kind (and per field). Unknown keys and values that do not convert are
/// recorded as problems, reported with every other problem when the options are validated, so one
/// start-up message lists them all.
/// </summary>
internal static class CadreRulesConfigurationBinder
{
    /// <summary>The key of the engine options inside the CadreRules section.</summary>
    public const string EngineKey = "Engine";

    /// <summary>The key of the list of additional policies inside the CadreRules section.</summary>
    public const string PoliciesKey = "Policies";

    private static readonly PropertyInfo[] PolicyProperties = typeof(CadrePolicyOptions)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite && p.GetSetMethod() is not null)
        .ToArray();

    private static readonly string[] MeasureKindNames = Enum.GetNames<MeasureKind>();

    private static readonly string[] KeyTaskKindNames = Enum.GetNames<KeyTaskKind>();

    /// <summary>Binds policy options; <paramref name="reserved"/> keys belong to something else.</summary>
    public static void BindPolicy(IConfiguration section, CadrePolicyOptions options, params string[] reserved)
    {
        foreach (var child in section.GetChildren())
        {
            if (reserved.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var property = Array.Find(PolicyProperties, p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                var known = PolicyProperties.Select(p => p.Name).Concat(reserved).Order(StringComparer.Ordinal);
                options.ConfigurationProblems.Add($"Configuration key '{child.Path}' is not a CadreRules option; known keys: {string.Join(", ", known)}.");
                continue;
            }

            switch (property.Name)
            {
                case nameof(CadrePolicyOptions.RedBoardTasks):
                    if (TryGetList(child, options.ConfigurationProblems, out var tasks))
                    {
                        var set = new HashSet<KeyTaskKind>();
                        foreach (var (path, value) in tasks)
                        {
                            var name = Array.Find(KeyTaskKindNames, n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));
                            if (name is null)
                            {
                                options.ConfigurationProblems.Add($"Configuration key '{path}' has the value '{value}', which is not one of {string.Join(", ", KeyTaskKindNames)}.");
                            }
                            else
                            {
                                set.Add(Enum.Parse<KeyTaskKind>(name));
                            }
                        }

                        options.RedBoardTasks = set;
                    }

                    break;
                case nameof(CadrePolicyOptions.DisabledRules):
                    if (TryGetList(child, options.ConfigurationProblems, out var disabled))
                    {
                        options.DisabledRules = new HashSet<string>(disabled.Select(d => d.Value), StringComparer.Ordinal);
                    }

                    break;
                case nameof(CadrePolicyOptions.InfluencePeriods):
                    BindInfluencePeriods(child, options);
                    break;
                default:
                    BindScalar(child, property, options);
                    break;
            }
        }
    }

    /// <summary>Binds engine options; unknown keys are problems.</summary>
    public static void BindEngine(IConfiguration section, CadreEngineOptions options)
    {
        try
        {
            section.Bind(options, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            options.ConfigurationProblems.Add(ex.Message);
        }
    }

    private static void BindInfluencePeriods(IConfigurationSection section, CadrePolicyOptions options)
    {
        // The default table is shared by nothing (each options instance creates its own), but a host
        // may have assigned a read-only dictionary: bind into a copy.
        var table = options.InfluencePeriods is null
            ? new Dictionary<MeasureKind, InfluencePeriod>()
            : new Dictionary<MeasureKind, InfluencePeriod>(options.InfluencePeriods);
        foreach (var entry in section.GetChildren())
        {
            var name = Array.Find(MeasureKindNames, n => string.Equals(n, entry.Key, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                options.ConfigurationProblems.Add($"Configuration key '{entry.Path}' is not a measure kind; known kinds: {string.Join(", ", MeasureKindNames)}.");
                continue;
            }

            var kind = Enum.Parse<MeasureKind>(name);
            var period = table.TryGetValue(kind, out var existing) && existing is not null
                ? new InfluencePeriod(existing.PromotionMonths, existing.LeadershipMonths)
                : new InfluencePeriod();
            try
            {
                entry.Bind(period, o => o.ErrorOnUnknownConfiguration = true);
                table[kind] = period;
            }
            catch (InvalidOperationException ex)
            {
                options.ConfigurationProblems.Add(ex.Message);
            }
        }

        options.InfluencePeriods = table;
    }

    private static void BindScalar(IConfigurationSection child, PropertyInfo property, CadrePolicyOptions options)
    {
        if (child.GetChildren().Any())
        {
            options.ConfigurationProblems.Add($"Configuration key '{child.Path}' must be a single value, not a section.");
            return;
        }

        try
        {
            property.SetValue(options, child.Get(property.PropertyType));
        }
        catch (InvalidOperationException ex)
        {
            options.ConfigurationProblems.Add(Describe(child, property.PropertyType, ex));
        }
    }

    /// <summary>
    /// Reads a list of strings item by item: the stock binder silently drops array items that fail
    /// to convert, which would turn a typo into a smaller set. A single value counts as a one-item list.
    /// </summary>
    private static bool TryGetList(IConfigurationSection child, List<string> problems, out List<(string Path, string Value)> items)
    {
        items = [];
        if (child.Value is { Length: > 0 } single)
        {
            items.Add((child.Path, single));
            return true;
        }

        bool ok = true;
        foreach (var item in child.GetChildren())
        {
            if (item.Value is null || item.GetChildren().Any())
            {
                problems.Add($"Configuration key '{item.Path}' must be a single value, not a section.");
                ok = false;
            }
            else
            {
                items.Add((item.Path, item.Value));
            }
        }

        return ok;
    }

    private static string Describe(IConfigurationSection child, Type type, InvalidOperationException ex)
    {
        var element = type.IsArray ? type.GetElementType()! : Nullable.GetUnderlyingType(type) ?? type;
        string expected = element.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(element))}"
            : element == typeof(DateOnly) ? "a date (yyyy-MM-dd)"
            : $"a value of type {element.Name}";
        return $"Configuration key '{child.Path}' has a value that is not {expected} ({ex.Message.TrimEnd('.')}).";
    }
}
