using CadreRules.Serialization;
using static CadreRules.Tests.Serialization.RosterDocuments;

namespace CadreRules.Tests.Serialization;

/// <summary>One test per rule of ROSTER-FORMAT.md, "Invalid input".</summary>
public sealed class RosterReaderValidationTests
{
    // ---- malformed JSON ---------------------------------------------------------------------------

    [Fact]
    public void Read_MissingComma_ReportsOneErrorWithPathAndPosition()
    {
        string json = Example("\"date\": \"2024-05-02\",", "\"date\": \"2024-05-02\"");

        var error = SingleError(json);

        error.Path.Should().Be("$.evidence[1]");
        error.Message.Should().StartWith("malformed JSON at line 24, byte ").And.Contain("well-formed JSON");
    }

    [Fact]
    public void Read_TruncatedDocument_ReportsMalformedJson()
    {
        var error = SingleError(SpecExample[..200]);

        error.Message.Should().StartWith("malformed JSON at line ");
    }

    [Fact]
    public void Read_EmptyDocument_ReportsMalformedJson()
    {
        var error = SingleError(string.Empty);

        error.Path.Should().Be("$");
        error.Message.Should().StartWith("malformed JSON at line 1, byte 1");
    }

    [Fact]
    public void Read_TrailingComma_ReportsMalformedJson()
    {
        var error = SingleError(Example("\"board\": \"Yellow\" } ]", "\"board\": \"Yellow\", } ]"));

        error.Path.Should().Be("$.boardHistory[0]");
        error.Message.Should().StartWith("malformed JSON at line ");
    }

    [Fact]
    public void Read_ContentAfterDocument_ReportsMalformedJson()
    {
        var error = SingleError(SpecExample + " {}");

        error.Path.Should().Be("$");
        error.Message.Should().StartWith("malformed JSON at line ");
    }

    // ---- wrong JSON type ----------------------------------------------------------------------------

    [Fact]
    public void Read_StringWhereNumberExpected_ReportsWrongType()
    {
        var error = SingleError(Example("\"year\": 2023, \"grade\"", "\"year\": \"2023\", \"grade\""));

        error.Path.Should().Be("$.annualGrades[0].year");
        error.Message.Should().Be("expected an integer year, not after as-of's year, got the string \"2023\"");
    }

    [Fact]
    public void Read_NumberWhereEnumExpected_ReportsWrongTypeNamingTheValues()
    {
        var error = SingleError(Example("\"rank\": \"Division\"", "\"rank\": 3"));

        error.Path.Should().Be("$.cadres[0].rank");
        error.Message.Should().StartWith("expected one of: DeputySection, Section, DeputyDivision, Division, DeputyBureau, Bureau").And.EndWith("got the number 3");
    }

    [Fact]
    public void Read_NullForRequiredField_ReportsNullNotAllowed()
    {
        var error = SingleError(Example("\"name\": \"张三\"", "\"name\": null"));

        error.Path.Should().Be("$.cadres[0].name");
        error.Message.Should().Be("null is not allowed here; expected a string");
    }

    [Fact]
    public void Read_NullForOptionalBoolean_ReportsNullNotAllowed()
    {
        var error = SingleError(Example("\"leadership\": true", "\"leadership\": null"));

        error.Path.Should().Be("$.cadres[0].leadership");
        error.Message.Should().Be("null is not allowed here; expected true or false (optional; default false)");
    }

    [Fact]
    public void Read_NullForOptionalCollection_ReportsNullNotAllowed()
    {
        var error = SingleError(Example("\"measures\": [ { \"id\": \"M-1\", \"cadreId\": \"C-001\", \"date\": \"2024-01-15\", \"kind\": \"ReminderTalk\" } ]", "\"measures\": null"));

        error.Path.Should().Be("$.measures");
        error.Message.Should().Contain("expected an array of measure objects");
    }

    [Fact]
    public void Read_ObjectWhereStringExpected_ReportsWrongTypeAndContinues()
    {
        var errors = Errors(Example("\"name\": \"张三\"", "\"name\": { \"first\": \"三\", \"nested\": [1, {\"x\": 2}] }"));

        errors.Should().ContainSingle().Which.Should().Be(new RosterError("$.cadres[0].name", "expected a string, got an object"));
    }

    [Fact]
    public void Read_SectionElementNotAnObject_ReportsWrongType()
    {
        var error = SingleError(Example("\"measures\": [ {", "\"measures\": [ 42, {"));

        error.Path.Should().Be("$.measures[0]");
        error.Message.Should().Be("expected a measure object, got the number 42");
    }

    [Fact]
    public void Read_RootNotAnObject_ReportsWrongType()
    {
        var error = SingleError("[1, 2]");

        error.Should().Be(new RosterError("$", "expected a JSON object (the roster document), got an array"));
    }

    [Fact]
    public void Read_FractionalYear_ReportsNotAnInteger()
    {
        var error = SingleError(Example("\"year\": 2023, \"grade\"", "\"year\": 2023.5, \"grade\""));

        error.Path.Should().Be("$.annualGrades[0].year");
        error.Message.Should().Be("2023.5 is not an integer in range; expected an integer year, not after as-of's year");
    }

    // ---- unknown properties ---------------------------------------------------------------------

    [Fact]
    public void Read_PropertyNameInWrongCase_ReportsUnknownPropertyAndMissingField()
    {
        var errors = Errors(Example("\"id\": \"E-3\", \"cadreId\"", "\"id\": \"E-3\", \"cadreID\""));

        errors.Should().HaveCount(2);
        errors[0].Path.Should().Be("$.evidence[2].cadreID");
        errors[0].Message.Should().Be(
            "unknown property 'cadreID'; expected one of: id, cadreId, date, channel, kind, workStyle, severity, status, category, task, rating, attitude (names are case-sensitive)");
        errors[1].Path.Should().Be("$.evidence[2].cadreId");
        errors[1].Message.Should().StartWith("missing required property 'cadreId'");
    }

    [Fact]
    public void Read_UnknownRootProperty_ReportsUnknownProperty()
    {
        var error = SingleError(Example("\"schemaVersion\": 1,", "\"schemaVersion\": 1, \"comment\": { \"by\": [\"x\"] },"));

        error.Path.Should().Be("$.comment");
        error.Message.Should().StartWith("unknown property 'comment'; expected one of: schemaVersion, period, asOf, units, cadres, evidence,");
    }

    [Fact]
    public void Read_UnknownPropertyWithOddName_QuotesItInThePath()
    {
        var error = SingleError(Example("\"cityManaged\": true", "\"cityManaged\": true, \"city managed\": true"));

        error.Path.Should().Be("$.cadres[0]['city managed']");
    }

    [Fact]
    public void Read_RepeatedProperty_ReportsDuplicateProperty()
    {
        var error = SingleError(Example("\"rank\": \"Division\"", "\"rank\": \"Division\", \"rank\": \"Section\""));

        error.Path.Should().Be("$.cadres[0].rank");
        error.Message.Should().Be("property 'rank' appears more than once; expected each property at most once per object");
    }

    // ---- missing required fields and evidence kinds ------------------------------------------

    [Fact]
    public void Read_MissingRequiredField_ReportsItsPathAndExpectedValue()
    {
        var error = SingleError(Example("\"date\": \"2024-11-20\", ", string.Empty));

        error.Path.Should().Be("$.evidence[3].date");
        error.Message.Should().Be("missing required property 'date'; expected a date string yyyy-MM-dd, not after as-of");
    }

    // Each required property of the cadres and record sections, removed: an error at its path. (Read also reads the
    // document through the parallel path with tiny chunks, whose plain path must give the chunk up.)
    [Theory]
    [InlineData("{ \"cadreId\": \"C-001\", \"year\": 2023, \"grade\": \"Competent\" }", "\"cadreId\": \"C-001\", ", "$.annualGrades[0].cadreId")]
    [InlineData("{ \"cadreId\": \"C-001\", \"year\": 2023, \"grade\": \"Competent\" }", "\"year\": 2023, ", "$.annualGrades[0].year")]
    [InlineData("{ \"cadreId\": \"C-001\", \"year\": 2023, \"grade\": \"Competent\" }", ", \"grade\": \"Competent\"", "$.annualGrades[0].grade")]
    [InlineData("{ \"cadreId\": \"C-001\", \"period\": \"2024H1\", \"board\": \"Yellow\" }", "\"cadreId\": \"C-001\", ", "$.boardHistory[0].cadreId")]
    [InlineData("{ \"cadreId\": \"C-001\", \"period\": \"2024H1\", \"board\": \"Yellow\" }", "\"period\": \"2024H1\", ", "$.boardHistory[0].period")]
    [InlineData("{ \"cadreId\": \"C-001\", \"period\": \"2024H1\", \"board\": \"Yellow\" }", ", \"board\": \"Yellow\"", "$.boardHistory[0].board")]
    [InlineData("{ \"id\": \"E-4\", \"cadreId\": \"C-001\", \"date\": \"2024-11-20\", \"channel\": \"Interview\",", "\"id\": \"E-4\", ", "$.evidence[3].id")]
    [InlineData("{ \"id\": \"E-4\", \"cadreId\": \"C-001\", \"date\": \"2024-11-20\", \"channel\": \"Interview\",", "\"cadreId\": \"C-001\", ", "$.evidence[3].cadreId")]
    [InlineData("{ \"id\": \"E-4\", \"cadreId\": \"C-001\", \"date\": \"2024-11-20\", \"channel\": \"Interview\",", " \"channel\": \"Interview\",", "$.evidence[3].channel")]
    [InlineData("{ \"id\": \"C-001\", \"name\": \"张三\", \"unitId\": \"U-XQ\", \"rank\": \"Division\",", "\"id\": \"C-001\", ", "$.cadres[0].id")]
    [InlineData("{ \"id\": \"C-001\", \"name\": \"张三\", \"unitId\": \"U-XQ\", \"rank\": \"Division\",", "\"name\": \"张三\", ", "$.cadres[0].name")]
    [InlineData("{ \"id\": \"C-001\", \"name\": \"张三\", \"unitId\": \"U-XQ\", \"rank\": \"Division\",", "\"unitId\": \"U-XQ\", ", "$.cadres[0].unitId")]
    [InlineData("{ \"id\": \"C-001\", \"name\": \"张三\", \"unitId\": \"U-XQ\", \"rank\": \"Division\",", " \"rank\": \"Division\",", "$.cadres[0].rank")]
    public void Read_RecordMissingARequiredProperty_ReportsItsPath(string element, string removed, string path)
    {
        // (Without its id, a cadre is not defined, and the records naming it say so too.)
        var error = Errors(Example(element, element.Replace(removed, string.Empty, StringComparison.Ordinal)))[0];

        error.Path.Should().Be(path);
        error.Message.Should().StartWith($"missing required property '{path[(path.LastIndexOf('.') + 1)..]}'");
    }

    [Fact]
    public void Read_MissingSchemaVersionAndPeriod_ReportsBoth()
    {
        var errors = Errors("""{ "units": [] }""");

        errors.Should().Equal(
            new RosterError("$.schemaVersion", "missing required property 'schemaVersion'; expected the number 1"),
            new RosterError("$.period", "missing required property 'period'; expected a period string YYYYH1 or YYYYH2, e.g. \"2024H2\""));
    }

    [Fact]
    public void Read_MissingUnitKind_ReportsMissingField()
    {
        var error = SingleError(Example("\"kind\": \"District\",", string.Empty));

        error.Path.Should().Be("$.units[0].kind");
        error.Message.Should().Be("missing required property 'kind'; expected one of: County, District, Park, Department (case-insensitive)");
    }

    [Fact]
    public void Read_FieldOfAnotherEvidenceKind_ReportsFieldDoesNotBelong()
    {
        var error = SingleError(Example("\"status\": \"Verified\" }", "\"status\": \"Verified\", \"rating\": \"Good\" }"));

        error.Path.Should().Be("$.evidence[0].rating");
        error.Message.Should().Be(
            "property 'rating' does not belong to evidence of kind WorkStyle; expected only the common properties and workStyle, severity, status");
    }

    [Fact]
    public void Read_MissingKindSpecificField_ReportsMissingForThatKind()
    {
        var error = SingleError(Example("\"severity\": \"Serious\", ", string.Empty));

        error.Path.Should().Be("$.evidence[0].severity");
        error.Message.Should().Be("missing property 'severity', required for evidence of kind WorkStyle; expected one of: Minor, Serious (case-insensitive)");
    }

    [Fact]
    public void Read_MissingEvidenceKind_ReportsOnlyTheMissingKind()
    {
        var error = SingleError(Example("\"kind\": \"Attitude\", ", string.Empty));

        error.Path.Should().Be("$.evidence[3].kind");
        error.Message.Should().StartWith("missing required property 'kind'; expected one of: WorkStyle, NegativeList, KeyTask, Attitude");
    }

    // ---- values that do not parse ---------------------------------------------------------------

    [Fact]
    public void Read_UnknownEnumValue_ReportsValueAndExpectedNames()
    {
        var error = SingleError(Example("\"channel\": \"Supervision\"", "\"channel\": \"Email\""));

        error.Path.Should().Be("$.evidence[0].channel");
        error.Message.Should().Be(
            "unknown channel 'Email'; expected one of: Interview, FieldResearch, Supervision, Inspection, Audit, KeyTaskReview, StationedInspection, PublicReport, Other (case-insensitive)");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("Red, Yellow")]
    [InlineData(" Yellow")]
    public void Read_EnumValueThatEnumTryParseWouldAccept_IsRejected(string value)
    {
        var error = SingleError(Example("\"board\": \"Yellow\"", $"\"board\": \"{value}\""));

        error.Path.Should().Be("$.boardHistory[0].board");
        error.Message.Should().StartWith($"unknown board '{value}'; expected one of: Red, Yellow");
    }

    [Theory]
    [InlineData("2024H3")]
    [InlineData("2024-H2")]
    [InlineData("H2")]
    public void Read_PeriodThatDoesNotParse_ReportsInvalidPeriod(string period)
    {
        var errors = Errors(Example("\"period\": \"2024H2\"", $"\"period\": \"{period}\""));

        errors.Should().ContainSingle().Which.Should().Be(new RosterError(
            "$.period", $"'{period}' is not a valid period; expected a period string YYYYH1 or YYYYH2, e.g. \"2024H2\""));
    }

    [Theory]
    [InlineData("2024-9-10")]
    [InlineData("2024/09/10")]
    [InlineData("2023-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024-09-10T00:00:00")]
    [InlineData("")]
    public void Read_DateThatDoesNotParse_ReportsInvalidDate(string date)
    {
        var error = SingleError(Example("\"date\": \"2024-09-10\"", $"\"date\": \"{date}\""));

        error.Path.Should().Be("$.evidence[0].date");
        error.Message.Should().Be($"'{date}' is not a valid date; expected a date string yyyy-MM-dd, not after as-of");
    }

    [Fact]
    public void Read_EmptyId_ReportsBlankValue()
    {
        var error = SingleError(Example("\"id\": \"M-1\"", "\"id\": \" \""));

        error.Path.Should().Be("$.measures[0].id");
        error.Message.Should().Be("the value is empty or blank; expected a non-empty string id");
    }

    // ---- duplicates -----------------------------------------------------------------------------

    private const string Unit2 = """, { "id": "U-2", "name": "金凤区", "kind": "District" }""";
    private const string Cadre2 = """, { "id": "C-002", "name": "王五", "unitId": "U-XQ", "rank": "Section" }""";

    [Fact]
    public void Read_DuplicateUnitId_ReportsSecondUse()
    {
        var error = SingleError(Example("      ]\n    }\n  ],", "      ]\n    }" + Unit2.Replace("U-2", "U-XQ", StringComparison.Ordinal) + "\n  ],"));

        error.Path.Should().Be("$.units[1].id");
        error.Message.Should().Be("duplicate unit id 'U-XQ' (first used at $.units[0].id); expected unit ids to be unique");
    }

    [Fact]
    public void Read_DuplicateCadreId_ReportsSecondUse()
    {
        var error = SingleError(Example("\"cityManaged\": true }", "\"cityManaged\": true }" + Cadre2.Replace("C-002", "C-001", StringComparison.Ordinal)));

        error.Path.Should().Be("$.cadres[1].id");
        error.Message.Should().Be("duplicate cadre id 'C-001' (first used at $.cadres[0].id); expected cadre ids to be unique");
    }

    [Fact]
    public void Read_DuplicateProjectIdAcrossUnits_ReportsSecondUse()
    {
        string unit2 = """, { "id": "U-2", "name": "金凤区", "kind": "Park", "projects": [ { "id": "P-7", "name": "x", "plannedProgress": 1, "actualProgress": 0 } ] }""";
        var error = SingleError(Example("      ]\n    }\n  ],", "      ]\n    }" + unit2 + "\n  ],"));

        error.Path.Should().Be("$.units[1].projects[0].id");
        error.Message.Should().Be("duplicate project id 'P-7' (first used at $.units[0].projects[0].id); expected project ids to be unique across all units");
    }

    [Fact]
    public void Read_MeasureIdUsedByEvidence_ReportsSharedIdSpace()
    {
        var error = SingleError(Example("\"id\": \"M-1\"", "\"id\": \"E-2\""));

        error.Path.Should().Be("$.measures[0].id");
        error.Message.Should().Be("duplicate id 'E-2' (first used at $.evidence[1].id); expected evidence and measure ids to be unique (they share one id space)");
    }

    [Fact]
    public void Read_DuplicateEvidenceId_ReportsSecondUse()
    {
        var error = SingleError(Example("\"id\": \"E-4\"", "\"id\": \"E-1\""));

        error.Path.Should().Be("$.evidence[3].id");
        error.Message.Should().StartWith("duplicate id 'E-1' (first used at $.evidence[0].id)");
    }

    [Fact]
    public void Read_DuplicateAnnualGrade_ReportsCadreAndYear()
    {
        var error = SingleError(Example(
            "\"grade\": \"Competent\" } ]",
            "\"grade\": \"Competent\" }, { \"cadreId\": \"C-001\", \"year\": 2023, \"grade\": \"Excellent\" } ]"));

        error.Path.Should().Be("$.annualGrades[1]");
        error.Message.Should().Be("duplicate annual grade for cadre 'C-001' and year 2023 (first at $.annualGrades[0]); expected one grade per cadre and year");
    }

    [Fact]
    public void Read_DuplicateBoardPlacement_ReportsCadreAndPeriod()
    {
        var error = SingleError(Example(
            "\"board\": \"Yellow\" } ]",
            "\"board\": \"Yellow\" }, { \"cadreId\": \"C-001\", \"period\": \"2024h1\", \"board\": \"Red\" } ]"));

        error.Path.Should().Be("$.boardHistory[1]");
        error.Message.Should().Be("duplicate board placement for cadre 'C-001' in period 2024H1 (first at $.boardHistory[0]); expected one placement per cadre and period");
    }

    [Fact]
    public void Read_DuplicateIndicator_ReportsUnitNameAndYear()
    {
        var error = SingleError(Example("\"year\": 2023, \"value\": 790.1", "\"year\": 2022, \"value\": 790.1"));

        error.Path.Should().Be("$.units[0].indicators[1]");
        error.Message.Should().Be("duplicate indicator 'GDP' for year 2022 in this unit (first at $.units[0].indicators[0]); expected one value per indicator and year");
    }

    [Fact]
    public void Read_SameIndicatorInTwoUnits_IsAccepted()
    {
        string unit2 = """, { "id": "U-2", "name": "金凤区", "kind": "Park", "indicators": [ { "name": "GDP", "year": 2022, "value": 1 } ] }""";

        var roster = Read(Example("      ]\n    }\n  ],", "      ]\n    }" + unit2 + "\n  ],"));

        roster.Units.Should().HaveCount(2);
    }

    // ---- references -----------------------------------------------------------------------------

    [Fact]
    public void Read_CadreInUnknownUnit_ReportsUnknownUnit()
    {
        var error = SingleError(Example("\"unitId\": \"U-XQ\"", "\"unitId\": \"U-NONE\""));

        error.Should().Be(new RosterError("$.cadres[0].unitId", "unknown unit 'U-NONE'; expected the id of a unit in $.units"));
    }

    [Theory]
    [InlineData("\"id\": \"E-2\", \"cadreId\": \"C-001\"", "\"id\": \"E-2\", \"cadreId\": \"C-404\"", "$.evidence[1].cadreId")]
    [InlineData("{ \"cadreId\": \"C-001\", \"year\"", "{ \"cadreId\": \"C-404\", \"year\"", "$.annualGrades[0].cadreId")]
    [InlineData("\"id\": \"M-1\", \"cadreId\": \"C-001\"", "\"id\": \"M-1\", \"cadreId\": \"C-404\"", "$.measures[0].cadreId")]
    [InlineData("{ \"cadreId\": \"C-001\", \"period\"", "{ \"cadreId\": \"C-404\", \"period\"", "$.boardHistory[0].cadreId")]
    public void Read_ReferenceToUnknownCadre_ReportsUnknownCadre(string find, string replace, string path)
    {
        var error = SingleError(Example(find, replace));

        error.Should().Be(new RosterError(path, "unknown cadre 'C-404'; expected the id of a cadre in $.cadres"));
    }

    // ---- dates, years and periods against as-of -------------------------------------------------

    [Fact]
    public void Read_EvidenceDatedAfterAsOf_ReportsDate()
    {
        var error = SingleError(Example("\"asOf\": \"2024-12-31\"", "\"asOf\": \"2024-11-19\""));

        error.Should().Be(new RosterError("$.evidence[3].date", "date 2024-11-20 is after as-of 2024-11-19; expected a date on or before as-of"));
    }

    [Fact]
    public void Read_EvidenceDatedAfterDefaultAsOf_ReportsPeriodEnd()
    {
        string json = Example("\"asOf\": \"2024-12-31\",", string.Empty);
        json = Mutate(json, "\"date\": \"2024-11-20\"", "\"date\": \"2025-01-01\"");

        var error = SingleError(json);

        error.Should().Be(new RosterError(
            "$.evidence[3].date", "date 2025-01-01 is after as-of 2024-12-31 (the last day of the period); expected a date on or before as-of"));
    }

    [Fact]
    public void Read_EvidenceDatedOnAsOf_IsAccepted()
    {
        var roster = Read(Example("\"asOf\": \"2024-12-31\"", "\"asOf\": \"2024-11-20\""));

        roster.AsOf.Should().Be(new DateOnly(2024, 11, 20));
    }

    [Fact]
    public void Read_LateDateAfterAnInvalidElement_ReportsTheJsonIndex()
    {
        string json = Example("\"kind\": \"NegativeList\", ", string.Empty);
        json = Mutate(json, "\"date\": \"2024-03-15\"", "\"date\": \"2025-03-15\"");

        var errors = Errors(json);

        errors.Should().Equal(
            new RosterError("$.evidence[1].kind", "missing required property 'kind'; expected one of: WorkStyle, NegativeList, KeyTask, Attitude (case-insensitive)"),
            new RosterError("$.evidence[2].date", "date 2025-03-15 is after as-of 2024-12-31; expected a date on or before as-of"));
    }

    [Fact]
    public void Read_LateDateOnAnInvalidElement_IsStillReported()
    {
        string json = Example("\"kind\": \"NegativeList\", ", string.Empty);
        json = Mutate(json, "\"date\": \"2024-05-02\"", "\"date\": \"2025-05-02\"");

        var errors = Errors(json);

        errors.Select(e => e.Path).Should().Equal("$.evidence[1].kind", "$.evidence[1].date");
    }

    [Fact]
    public void Read_MeasureDatedAfterAsOf_ReportsDate()
    {
        var error = SingleError(Example("\"date\": \"2024-01-15\"", "\"date\": \"2025-01-15\""));

        error.Should().Be(new RosterError("$.measures[0].date", "date 2025-01-15 is after as-of 2024-12-31; expected a date on or before as-of"));
    }

    [Fact]
    public void Read_AnnualGradeYearAfterAsOfYear_ReportsYear()
    {
        var error = SingleError(Example("\"year\": 2023, \"grade\"", "\"year\": 2025, \"grade\""));

        error.Should().Be(new RosterError("$.annualGrades[0].year", "year 2025 is after as-of's year 2024; expected 2024 or earlier"));
    }

    [Fact]
    public void Read_IndicatorYearAfterAsOfYear_ReportsYear()
    {
        var error = SingleError(Example("\"year\": 2023, \"value\": 790.1", "\"year\": 2025, \"value\": 790.1"));

        error.Should().Be(new RosterError("$.units[0].indicators[1].year", "year 2025 is after as-of's year 2024; expected 2024 or earlier"));
    }

    [Theory]
    [InlineData("2024H2")]
    [InlineData("2025H1")]
    public void Read_BoardPlacementNotBeforePeriod_ReportsPeriod(string period)
    {
        var error = SingleError(Example("\"period\": \"2024H1\"", $"\"period\": \"{period}\""));

        error.Should().Be(new RosterError(
            "$.boardHistory[0].period", $"board placement period {period} is not before the evaluated period 2024H2; expected 2024H1 or earlier"));
    }

    [Theory]
    [InlineData("2025-01-01")]
    [InlineData("2024-06-30")]
    public void Read_AsOfOutsidePeriod_ReportsAsOf(string asOf)
    {
        var errors = Errors(Example("\"asOf\": \"2024-12-31\"", $"\"asOf\": \"{asOf}\""));

        errors[0].Should().Be(new RosterError(
            "$.asOf", $"as-of {asOf} is outside the period 2024H2 (2024-07-01 to 2024-12-31); expected a date inside the period"));
    }

    // ---- numbers --------------------------------------------------------------------------------

    [Theory]
    [InlineData("1.2")]
    [InlineData("-0.1")]
    [InlineData("1.0000000001")]
    public void Read_ProgressOutsideZeroToOne_ReportsProgress(string progress)
    {
        var error = SingleError(Example("\"actualProgress\": 0.55", $"\"actualProgress\": {progress}"));

        error.Should().Be(new RosterError("$.units[0].projects[0].actualProgress", $"progress {progress} is outside [0, 1]; expected a number from 0 to 1"));
    }

    [Fact]
    public void Read_ProgressAtBounds_IsAccepted()
    {
        var roster = Read(Example("\"plannedProgress\": 0.8, \"actualProgress\": 0.55", "\"plannedProgress\": 1, \"actualProgress\": 0"));

        roster.Units[0].Projects[0].PlannedProgress.Should().Be(1m);
        roster.Units[0].Projects[0].ActualProgress.Should().Be(0m);
    }

    [Fact]
    public void Read_IndicatorValueTooLargeForDouble_ReportsNonFinite()
    {
        var error = SingleError(Example("\"value\": 812.5", "\"value\": 1e400"));

        error.Should().Be(new RosterError("$.units[0].indicators[0].value", "1e400 is not a finite double (too large); expected a finite number"));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("0")]
    [InlineData("1.5")]
    public void Read_SchemaVersionOtherThanOne_ReportsUnsupportedVersion(string version)
    {
        var error = SingleError(Example("\"schemaVersion\": 1", $"\"schemaVersion\": {version}"));

        error.Should().Be(new RosterError("$.schemaVersion", $"unsupported schemaVersion {version}; expected 1 (this library reads schema version 1 only)"));
    }

    // ---- all at once ----------------------------------------------------------------------------

    [Fact]
    public void Read_ManyViolations_ReportsEveryOneInOrder()
    {
        const string json = """
            {
              "schemaVersion": 2,
              "period": "2024H2",
              "asOf": "2025-01-01",
              "units": [
                { "id": "U-1", "name": "甲", "kind": "Town",
                  "indicators": [ { "name": "GDP", "year": 2026, "value": 1 } ],
                  "projects": [ { "id": "P-1", "name": "乙", "plannedProgress": 2, "actualProgress": "half" } ] }
              ],
              "cadres": [
                { "id": "C-1", "name": "丙", "unitId": "U-9", "rank": "Section", "Leadership": true },
                { "id": "C-1", "name": "丁", "unitId": "U-1", "rank": "Section" }
              ],
              "evidence": [
                { "id": "E-1", "cadreId": "C-2", "date": "2025-03-01", "channel": "Audit", "kind": "Attitude", "attitude": "Positive", "rating": "Good" },
                { "id": "E-2", "cadreId": "C-1", "date": "2024-02-30", "channel": "Audit", "kind": "KeyTask", "task": "Other" }
              ],
              "annualGrades": [ { "cadreId": "C-1", "year": 2023 } ],
              "measures": [ { "id": "E-1", "cadreId": "C-1", "date": "2024-01-01", "kind": "Promotion" } ],
              "boardHistory": [ { "cadreId": "C-1", "period": "2025H1", "board": "Red" } ]
            }
            """;

        var errors = Errors(json);

        errors.Select(e => e.Path).Should().Equal(
            "$.schemaVersion",
            "$.units[0].kind",
            "$.units[0].projects[0].plannedProgress",
            "$.units[0].projects[0].actualProgress",
            "$.cadres[0].Leadership",
            "$.cadres[1].id",
            "$.evidence[0].rating",
            "$.evidence[1].date",
            "$.evidence[1].rating",
            "$.annualGrades[0].grade",
            "$.measures[0].id",
            "$.asOf",
            "$.units[0].indicators[0].year",
            "$.cadres[0].unitId",
            "$.evidence[0].cadreId",
            "$.evidence[0].date",
            "$.boardHistory[0].period");
        errors.Should().OnlyContain(e => e.Message.Contains("expected", StringComparison.Ordinal));
    }

    [Fact]
    public void RosterValidationException_Message_SummarisesCountAndFirstErrors()
    {
        var exception = new RosterValidationException(
            Enumerable.Range(0, 7).Select(i => new RosterError($"$.cadres[{i}].id", "bad")).ToList());

        exception.Message.Should().StartWith("The roster document is invalid (7 errors)")
            .And.Contain("$.cadres[4].id: bad")
            .And.NotContain("$.cadres[5].id")
            .And.Contain("2 more");
    }

    [Fact]
    public void RosterValidationException_NoErrors_Throws()
    {
        Action create = () => _ = new RosterValidationException([]);

        create.Should().ThrowExactly<ArgumentException>().WithParameterName("errors");
    }

    [Fact]
    public void RosterError_ToString_IsPathColonMessage()
    {
        new RosterError("$.evidence[3].cadreId", "unknown cadre 'X'").ToString().Should().Be("$.evidence[3].cadreId: unknown cadre 'X'");
    }
}
