using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace CadreRules.Serialization;

/// <summary>
/// The plain path of the large sections: a chunk of the parallel reader whose cadres, evidence, annual
/// grades or board placements are written plainly is read byte by byte, without <see cref="System.Text.Json.Utf8JsonReader"/>.
/// </summary>
/// <remarks>
/// These sections are most of a large roster (all but the units of the ten million elements of a
/// million-cadre one), and their values are short strings, small integers and flags. "Plainly" means: JSON
/// whitespace; every string printable ASCII without escapes, except a cadre's name, which may be any UTF-8
/// text without escapes or control characters; flags as <c>true</c> or <c>false</c>; every property one of the section's, at
/// most once, each with a value of its type (for evidence, exactly the properties of its kind); integers
/// as JSON writes them, in nine digits; evidence ids short enough to pack (<see cref="PackedAscii"/>) and
/// ascending; cadres already defined; dates, periods and enum names valid; no duplicate key. Anything
/// else, even valid JSON, makes the plain path give up on the chunk, and the chunk is read again by the
/// full parser, which builds the same records or reports what is wrong with the same messages as the
/// sequential read.
/// </remarks>
internal sealed partial class RosterParser
{
    /// <summary>Whether <see cref="TryReadPlainChunk"/> reads a section's elements (cadres, evidence, annual grades, measures, board placements).</summary>
    private static bool HasPlainPath(int section) => section is CadresSection or EvidenceSection or GradesSection or MeasuresSection or BoardSection;

    /// <summary>
    /// Reads a bracketed chunk of a section's elements written plainly; returns how many it read, or -1
    /// as soon as something is not plain (the parser's state is then spoiled: the caller discards it).
    /// </summary>
    private int TryReadPlainChunk(ReadOnlySpan<byte> json, int section, int firstIndex)
    {
        int at = SkipWhitespace(json, 0);
        if (!Expect(json, ref at, (byte)'['))
        {
            return -1;
        }

        int count = 0;
        at = SkipWhitespace(json, at);
        if (at < json.Length && json[at] == (byte)']')
        {
            at++;
        }
        else
        {
            while (true)
            {
                bool read = section switch
                {
                    EvidenceSection => TryReadCompactEvidence(json, ref at) || TryReadPlainEvidence(json, ref at),
                    CadresSection => TryReadPlainCadre(json, ref at, firstIndex + count),
                    GradesSection => TryReadCompactGrade(json, ref at, firstIndex + count) || TryReadPlainGrade(json, ref at, firstIndex + count),
                    MeasuresSection => TryReadPlainMeasure(json, ref at),
                    _ => TryReadPlainBoardPlacement(json, ref at, firstIndex + count),
                };
                if (!read)
                {
                    return -1;
                }

                count++;
                at = SkipWhitespace(json, at);
                if (at >= json.Length)
                {
                    return -1;
                }

                byte next = json[at++];
                if (next == (byte)']')
                {
                    break;
                }

                if (next != (byte)',')
                {
                    return -1;
                }

                at = SkipWhitespace(json, at);
            }
        }

        return SkipWhitespace(json, at) == json.Length ? count : -1;
    }

    /// <summary>
    /// Reads an evidence element written exactly as <see cref="RosterWriter"/> writes one (compact, its
    /// properties in the writer's order) in one straight pass; anything else, and anything the plain
    /// path would not accept, returns <see langword="false"/> with nothing read, for
    /// <see cref="TryReadPlainEvidence"/> to read or refuse. Accepts a subset of what that accepts, with
    /// the same checks and the same row.
    /// </summary>
    private bool TryReadCompactEvidence(ReadOnlySpan<byte> json, ref int at)
    {
        int p = at;
        if (!Literal(json, ref p, "{\"id\":\""u8) || !Quoted(json, ref p, out var value) || !PackedAscii.TryPackId(value, out ulong high, out ulong low)
            || !Literal(json, ref p, ",\"cadreId\":\""u8) || !Quoted(json, ref p, out value) || !TryResolvePlainCadre(value, out _, out int owner)
            || !Literal(json, ref p, ",\"date\":\""u8) || !Quoted(json, ref p, out value) || !TryParseDate(value, out DateOnly date)
            || !Literal(json, ref p, ",\"channel\":\""u8) || !Quoted(json, ref p, out value) || !EnumTable<EvidenceChannel>.Instance.TryParse(value, out var channel)
            || !Literal(json, ref p, ",\"kind\":\""u8) || !Quoted(json, ref p, out value) || !EnumTable<EvidenceKind>.Instance.TryParse(value, out var kind))
        {
            return false;
        }

        int first = 0, second = 0, third = 0;
        bool read = kind switch
        {
            EvidenceKind.WorkStyle =>
                Member<WorkStyleProblem>(json, ref p, ",\"workStyle\":\""u8, out first)
                && Member<Severity>(json, ref p, ",\"severity\":\""u8, out second)
                && Member<FindingStatus>(json, ref p, ",\"status\":\""u8, out third),
            EvidenceKind.NegativeList =>
                Member<NegativeListCategory>(json, ref p, ",\"category\":\""u8, out first)
                && Member<FindingStatus>(json, ref p, ",\"status\":\""u8, out second),
            EvidenceKind.KeyTask =>
                Member<KeyTaskKind>(json, ref p, ",\"task\":\""u8, out first)
                && Member<KeyTaskRating>(json, ref p, ",\"rating\":\""u8, out second),
            _ => Member<AttitudeRating>(json, ref p, ",\"attitude\":\""u8, out first),
        };

        // As TryReadPlainEvidence from here: ids ascending, or the full parser's to handle.
        if (!read || !Literal(json, ref p, "}"u8) || _recordIds.Count != 0 || !NoteIfAscending(new RecordId(high, low)))
        {
            return false;
        }

        AddEvidenceRow(owner, high, low, date, kind, channel, first, second, third);
        at = p;
        return true;

        static bool Member<TEnum>(ReadOnlySpan<byte> json, ref int p, ReadOnlySpan<byte> start, out int value)
            where TEnum : struct, Enum
        {
            value = 0;
            if (!Literal(json, ref p, start) || !Quoted(json, ref p, out var text) || !EnumTable<TEnum>.Instance.TryParse(text, out TEnum parsed))
            {
                return false;
            }

            // The evidence enums are int-backed: a reinterpretation, not a boxing conversion.
            value = Unsafe.SizeOf<TEnum>() == sizeof(int) ? Unsafe.As<TEnum, int>(ref parsed) : Convert.ToInt32(parsed, CultureInfo.InvariantCulture);
            return true;
        }
    }

    /// <summary>Steps over <paramref name="literal"/> when the JSON continues with exactly it.</summary>
    private static bool Literal(ReadOnlySpan<byte> json, ref int at, ReadOnlySpan<byte> literal)
    {
        if (json[at..].StartsWith(literal))
        {
            at += literal.Length;
            return true;
        }

        return false;
    }

    /// <summary>Reads the rest of a string whose opening quote was read: printable ASCII without escapes.</summary>
    private static bool Quoted(ReadOnlySpan<byte> json, scoped ref int at, out ReadOnlySpan<byte> value)
    {
        // Values are short (ids, dates, enum names): a plain loop beats the vectorized searches' setup.
        for (int i = at; i < json.Length; i++)
        {
            byte b = json[i];
            if (b == (byte)'"')
            {
                value = json[at..i];
                at = i + 1;
                return true;
            }

            if (b is < 0x20 or > 0x7E or (byte)'\\')
            {
                break;
            }
        }

        value = default;
        return false;
    }

    private bool TryReadPlainEvidence(ReadOnlySpan<byte> json, ref int at)
    {
        if (!Expect(json, ref at, (byte)'{'))
        {
            return false;
        }

        ulong seen = 0;
        ulong high = 0, low = 0;
        int owner = -1;
        string? cadreId = null;
        DateOnly date = default;
        EvidenceChannel channel = default;
        EvidenceKind kind = default;
        WorkStyleProblem workStyle = default;
        Severity severity = default;
        FindingStatus status = default;
        NegativeListCategory category = default;
        KeyTaskKind task = default;
        KeyTaskRating rating = default;
        AttitudeRating attitude = default;
        bool more = true;
        while (more)
        {
            if (!TryReadPlainMember(json, ref at, EvidenceFields, ref seen, out int field, out ReadOnlySpan<byte> value, out bool quoted) || !quoted)
            {
                return false;
            }

            bool valid = field switch
            {
                0 => PackedAscii.TryPackId(value, out high, out low),
                1 => TryResolvePlainCadre(value, out cadreId, out owner),
                2 => TryParseDate(value, out date),
                3 => EnumTable<EvidenceChannel>.Instance.TryParse(value, out channel),
                4 => EnumTable<EvidenceKind>.Instance.TryParse(value, out kind),
                5 => EnumTable<WorkStyleProblem>.Instance.TryParse(value, out workStyle),
                6 => EnumTable<Severity>.Instance.TryParse(value, out severity),
                7 => EnumTable<FindingStatus>.Instance.TryParse(value, out status),
                8 => EnumTable<NegativeListCategory>.Instance.TryParse(value, out category),
                9 => EnumTable<KeyTaskKind>.Instance.TryParse(value, out task),
                10 => EnumTable<KeyTaskRating>.Instance.TryParse(value, out rating),
                _ => EnumTable<AttitudeRating>.Instance.TryParse(value, out attitude),
            };
            if (!valid || !TryEndPlainMember(json, ref at, out more))
            {
                return false;
            }
        }

        if ((seen & EvidenceCommon) != EvidenceCommon || (seen & EvidenceKindSpecific) != OwnFields(kind))
        {
            return false;
        }

        // As ReadRecordId while ids ascend: the first id out of order is the full parser's to handle.
        var id = new RecordId(high, low);
        if (_recordIds.Count != 0 || !NoteIfAscending(id))
        {
            return false;
        }

        switch (kind)
        {
            case EvidenceKind.WorkStyle:
                AddEvidenceRow(owner, high, low, date, kind, channel, (int)workStyle, (int)severity, (int)status);
                break;
            case EvidenceKind.NegativeList:
                AddEvidenceRow(owner, high, low, date, kind, channel, (int)category, (int)status, 0);
                break;
            case EvidenceKind.KeyTask:
                AddEvidenceRow(owner, high, low, date, kind, channel, (int)task, (int)rating, 0);
                break;
            default:
                AddEvidenceRow(owner, high, low, date, kind, channel, (int)attitude, 0, 0);
                break;
        }

        return true;
    }

    /// <summary>
    /// Reads a cadre written plainly. The name may be any UTF-8 text without escapes or control
    /// characters (cadres' names are Chinese); the id must be printable ASCII, not blank.
    /// </summary>
    private bool TryReadPlainCadre(ReadOnlySpan<byte> json, ref int at, int index)
    {
        if (!Expect(json, ref at, (byte)'{'))
        {
            return false;
        }

        ulong seen = 0;
        int owner = -1;
        string? id = null, name = null, unitId = null;
        CadreRank rank = default;
        bool leadership = false, cityManaged = false;
        bool more = true;
        while (more)
        {
            if (!TryReadPlainMember(json, ref at, CadreFields, ref seen, out int field, out ReadOnlySpan<byte> value, out bool quoted, utf8: true))
            {
                return false;
            }

            bool valid = field switch
            {
                0 => quoted && TryReadPlainId(value, out id),
                1 => quoted && TryReadPlainName(value, out name),
                2 => quoted && TryResolveKnown(value, _unitLookup, _lastUnitReference, units: true, out unitId, out owner),
                3 => quoted && EnumTable<CadreRank>.Instance.TryParse(value, out rank),
                4 => !quoted && TryParsePlainBoolean(value, out leadership),
                _ => !quoted && TryParsePlainBoolean(value, out cityManaged),
            };
            if (!valid || !TryEndPlainMember(json, ref at, out more))
            {
                return false;
            }
        }

        // Ids are checked for duplicates where the full parser does: in its dictionary, or, for a chunk,
        // when the parent merges it.
        if ((seen & 0b1111) != 0b1111 || (_keepsCadreIds && !_cadreIds.TryAdd(id!, index)))
        {
            return false;
        }

        _cadres.Add(new Cadre
        {
            Id = id!,
            Name = name!,
            UnitId = unitId!,
            Rank = rank,
            Leadership = leadership,
            CityManaged = cityManaged,
        });
        _cadreRuns.Add(owner);
        return true;
    }

    /// <summary>An id: printable ASCII (what <see cref="TryReadPlainString"/> let through, as a plain name may not be), not blank.</summary>
    private static bool TryReadPlainId(ReadOnlySpan<byte> value, [NotNullWhen(true)] out string? id)
    {
        if (!Ascii.IsValid(value) || value.IndexOfAnyExcept((byte)' ') < 0)
        {
            id = null;
            return false;
        }

        id = Encoding.ASCII.GetString(value);
        return true;
    }

    /// <summary>A name: valid UTF-8 of at most <see cref="ShortString"/> bytes, shared through the name cache as the full parser shares it.</summary>
    private bool TryReadPlainName(ReadOnlySpan<byte> value, [NotNullWhen(true)] out string? name)
    {
        Span<char> chars = stackalloc char[ShortString];
        if (value.Length > chars.Length
            || System.Text.Unicode.Utf8.ToUtf16(value, chars, out _, out int length, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
        {
            name = null;
            return false;
        }

        name = _names.Get(chars[..length]);
        return true;
    }

    private static bool TryParsePlainBoolean(ReadOnlySpan<byte> value, out bool result)
    {
        result = value.SequenceEqual("true"u8);
        return result || value.SequenceEqual("false"u8);
    }

    /// <summary>As <see cref="TryReadCompactEvidence"/>, for an annual grade (2.4 million at 1M cadres).</summary>
    private bool TryReadCompactGrade(ReadOnlySpan<byte> json, ref int at, int index)
    {
        int p = at;
        if (!Literal(json, ref p, "{\"cadreId\":\""u8) || !Quoted(json, ref p, out var value) || !TryResolvePlainCadre(value, out string? cadreId, out int owner)
            || !Literal(json, ref p, ",\"year\":"u8))
        {
            return false;
        }

        // The year as TryReadPlainMember takes it: a bare token, then TryParsePlainInt32.
        if (!TryParsePlainInt32(BareToken(json, ref p), out int year)
            || !Literal(json, ref p, ",\"grade\":\""u8) || !Quoted(json, ref p, out value) || !EnumTable<AnnualGradeLevel>.Instance.TryParse(value, out var grade)
            || !Literal(json, ref p, "}"u8) || !_gradeKeys.IsNew(cadreId!, year, index))
        {
            return false;
        }

        AddGradeRow(owner, year, grade);
        at = p;
        return true;
    }

    private bool TryReadPlainGrade(ReadOnlySpan<byte> json, ref int at, int index)
    {
        if (!Expect(json, ref at, (byte)'{'))
        {
            return false;
        }

        ulong seen = 0;
        int owner = -1, year = 0;
        string? cadreId = null;
        AnnualGradeLevel grade = default;
        bool more = true;
        while (more)
        {
            if (!TryReadPlainMember(json, ref at, GradeFields, ref seen, out int field, out ReadOnlySpan<byte> value, out bool quoted))
            {
                return false;
            }

            bool valid = field switch
            {
                0 => quoted && TryResolvePlainCadre(value, out cadreId, out owner),
                1 => !quoted && TryParsePlainInt32(value, out year),
                _ => quoted && EnumTable<AnnualGradeLevel>.Instance.TryParse(value, out grade),
            };
            if (!valid || !TryEndPlainMember(json, ref at, out more))
            {
                return false;
            }
        }

        // A duplicate is the full parser's to report; keys out of order go into the dictionary as there.
        if (seen != 0b111 || !_gradeKeys.IsNew(cadreId!, year, index))
        {
            return false;
        }

        AddGradeRow(owner, year, grade);
        return true;
    }

    private bool TryReadPlainMeasure(ReadOnlySpan<byte> json, ref int at)
    {
        if (!Expect(json, ref at, (byte)'{'))
        {
            return false;
        }

        ulong seen = 0;
        int owner = -1;
        string? id = null, cadreId = null;
        DateOnly date = default;
        MeasureKind kind = default;
        bool more = true;
        while (more)
        {
            if (!TryReadPlainMember(json, ref at, MeasureFields, ref seen, out int field, out ReadOnlySpan<byte> value, out bool quoted) || !quoted)
            {
                return false;
            }

            bool valid = field switch
            {
                0 => TryReadPlainId(value, out id),
                1 => TryResolvePlainCadre(value, out cadreId, out owner),
                2 => TryParseDate(value, out date),
                _ => EnumTable<MeasureKind>.Instance.TryParse(value, out kind),
            };
            if (!valid || !TryEndPlainMember(json, ref at, out more))
            {
                return false;
            }
        }

        // As ReadRecordId while ids ascend (measure ids are kept as strings, not packed).
        if (seen != 0b1111 || _recordIds.Count != 0 || !NoteIfAscending(new RecordId(id!)))
        {
            return false;
        }

        _measures.Add(new Measure { Id = id!, CadreId = cadreId!, Date = date, Kind = kind });
        _measureRuns.Add(owner);
        _latest.NoteMeasure(date);
        return true;
    }

    private bool TryReadPlainBoardPlacement(ReadOnlySpan<byte> json, ref int at, int index)
    {
        if (!Expect(json, ref at, (byte)'{'))
        {
            return false;
        }

        ulong seen = 0;
        int owner = -1;
        string? cadreId = null;
        AssessmentPeriod period = default;
        Board board = default;
        bool more = true;
        while (more)
        {
            if (!TryReadPlainMember(json, ref at, BoardFields, ref seen, out int field, out ReadOnlySpan<byte> value, out bool quoted) || !quoted)
            {
                return false;
            }

            bool valid = field switch
            {
                0 => TryResolvePlainCadre(value, out cadreId, out owner),
                1 => TryParsePlainPeriod(value, out period),
                _ => EnumTable<Board>.Instance.TryParse(value, out board),
            };
            if (!valid || !TryEndPlainMember(json, ref at, out more))
            {
                return false;
            }
        }

        if (seen != 0b111 || !_boardKeys.IsNew(cadreId!, PeriodOrdinal(period), index))
        {
            return false;
        }

        AddPlacement(cadreId!, period, board, owner);
        return true;
    }

    /// <summary>As <see cref="ReadPeriod"/>: the text shared through the name cache, then parsed.</summary>
    private bool TryParsePlainPeriod(ReadOnlySpan<byte> value, out AssessmentPeriod period)
    {
        Span<char> chars = stackalloc char[ShortString];
        if (value.Length > chars.Length || Ascii.ToUtf16(value, chars, out int length) != System.Buffers.OperationStatus.Done)
        {
            period = default;
            return false;
        }

        return AssessmentPeriod.TryParse(_names.Get(chars[..length]), out period);
    }

    /// <summary>An integer as JSON writes one (no sign but minus, no leading zero, no fraction or exponent) that fits in 9 digits.</summary>
    private static bool TryParsePlainInt32(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        bool negative = text.Length > 0 && text[0] == (byte)'-';
        ReadOnlySpan<byte> digits = negative ? text[1..] : text;
        if (digits.Length is 0 or > 9 || (digits[0] == (byte)'0' && digits.Length > 1) || !TryDigits(digits, out value))
        {
            return false;
        }

        value = negative ? -value : value;
        return true;
    }

    /// <summary>
    /// Reads one member of a plain object, from the whitespace before its name to the end of its value:
    /// a known name not seen before in the object, a colon, and a value, either a plain string (<paramref name="quoted"/>)
    /// or a bare token (a number or a literal) for the caller to check.
    /// </summary>
    private static bool TryReadPlainMember(ReadOnlySpan<byte> json, ref int at, FieldSet fields, ref ulong seen, out int field, out ReadOnlySpan<byte> value, out bool quoted, bool utf8 = false)
    {
        value = default;
        quoted = false;
        at = SkipWhitespace(json, at);

        // Rosters list an element's properties in the same order: the property after the last one
        // seen, written compactly, is matched whole; anything else is read as a string and looked up.
        int predicted = 64 - BitOperations.LeadingZeroCount(seen);
        int matched = fields.MatchMember(json[at..], predicted);
        if (matched > 0)
        {
            field = predicted;
            at += matched;
        }
        else
        {
            if (!TryReadPlainString(json, ref at, out ReadOnlySpan<byte> name))
            {
                field = -1;
                return false;
            }

            field = fields.Find(name, predicted);
            if (field < 0)
            {
                return false;
            }

            at = SkipWhitespace(json, at);
            if (!Expect(json, ref at, (byte)':'))
            {
                return false;
            }
        }

        if ((seen & (1UL << field)) != 0)
        {
            return false;
        }

        seen |= 1UL << field;
        at = SkipWhitespace(json, at);
        if (at < json.Length && json[at] == (byte)'"')
        {
            quoted = true;
            return utf8 ? TryReadPlainUtf8String(json, ref at, out value) : TryReadPlainString(json, ref at, out value);
        }

        // A number, or a literal (true, false, null) for the reader of the field to accept or not.
        value = BareToken(json, ref at);
        return !value.IsEmpty;
    }

    /// <summary>Steps over an unquoted value (a number, <c>true</c>, <c>false</c>, <c>null</c>) and returns it; empty if there is none.</summary>
    private static ReadOnlySpan<byte> BareToken(ReadOnlySpan<byte> json, ref int at)
    {
        int start = at;
        while (at < json.Length && json[at] is (byte)'-' or (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'z'))
        {
            at++;
        }

        return json[start..at];
    }

    /// <summary>Reads what follows a member: a comma (<paramref name="more"/>) or the object's closing brace.</summary>
    private static bool TryEndPlainMember(ReadOnlySpan<byte> json, ref int at, out bool more)
    {
        at = SkipWhitespace(json, at);
        more = at < json.Length && json[at] == (byte)',';
        if (more || (at < json.Length && json[at] == (byte)'}'))
        {
            at++;
            return true;
        }

        return false;
    }

    /// <summary>The kind-specific evidence properties (bits of <see cref="EvidenceFields"/>) of a kind.</summary>
    private static ulong OwnFields(EvidenceKind kind) => kind switch
    {
        EvidenceKind.WorkStyle => Bits(5, 6, 7),
        EvidenceKind.NegativeList => Bits(7, 8),
        EvidenceKind.KeyTask => Bits(9, 10),
        _ => Bits(11),
    };

    private bool TryResolvePlainCadre(ReadOnlySpan<byte> value, out string? cadreId, out int owner) =>
        TryResolveKnown(value, _cadreLookup, _lastCadreReference, units: false, out cadreId, out owner);

    /// <summary>Reads a string of printable ASCII without escapes; <see langword="false"/> for anything else.</summary>
    private static bool TryReadPlainString(ReadOnlySpan<byte> json, ref int at, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (at >= json.Length || json[at] != (byte)'"')
        {
            return false;
        }

        int start = at + 1;
        if (!Quoted(json, ref start, out value))
        {
            return false;
        }

        at = start;
        return true;
    }

    /// <summary>
    /// Reads a string without escapes or control characters whose bytes may be non-ASCII; the caller
    /// checks that they are valid UTF-8 (or ASCII) for the value it reads.
    /// </summary>
    private static bool TryReadPlainUtf8String(ReadOnlySpan<byte> json, ref int at, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (at >= json.Length || json[at] != (byte)'"')
        {
            return false;
        }

        int start = at + 1;
        int end = json[start..].IndexOfAny((byte)'"', (byte)'\\');
        if (end < 0 || json[start + end] != (byte)'"' || json.Slice(start, end).IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0)
        {
            return false;
        }

        value = json.Slice(start, end);
        at = start + end + 1;
        return true;
    }

    private static bool Expect(ReadOnlySpan<byte> json, ref int at, byte expected)
    {
        if (at < json.Length && json[at] == expected)
        {
            at++;
            return true;
        }

        return false;
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> json, int at)
    {
        while (at < json.Length && json[at] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            at++;
        }

        return at;
    }
}
