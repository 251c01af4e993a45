using System.Numerics;
using System.Text;

namespace CadreRules.Serialization;

/// <summary>
/// The evidence section's plain path: a chunk of the parallel reader whose evidence is written plainly
/// is read byte by byte, without <see cref="System.Text.Json.Utf8JsonReader"/>.
/// </summary>
/// <remarks>
/// Evidence is most of a large roster (six million of the nine million elements of a million-cadre
/// one), and every one of its values is a short string. "Plainly" means: JSON whitespace; every value a
/// string of printable ASCII without escapes; every property one of the evidence properties, at most
/// once, exactly those of its kind; ids short enough to pack (<see cref="PackedAscii"/>) and ascending;
/// cadres already defined; dates and enum names valid. Anything else, even valid JSON, makes the plain
/// path give up on the chunk, and the chunk is read again by the full parser, which builds the same
/// records or reports what is wrong with the same messages as the sequential read.
/// </remarks>
internal sealed partial class RosterParser
{
    // Longer ids or references than this are left to the full parser.
    private const int PlainReferenceLength = 128;

    /// <summary>
    /// Reads a bracketed chunk of evidence elements written plainly; returns how many it read, or -1 as
    /// soon as something is not plain (the parser's state is then spoiled: the caller discards it).
    /// </summary>
    private int TryReadPlainEvidence(ReadOnlySpan<byte> json)
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
                if (!TryReadPlainEvidenceElement(json, ref at))
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

    private bool TryReadPlainEvidenceElement(ReadOnlySpan<byte> json, ref int at)
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
        while (true)
        {
            at = SkipWhitespace(json, at);
            if (!TryReadPlainString(json, ref at, out ReadOnlySpan<byte> name))
            {
                return false;
            }

            int field = EvidenceFields.Find(name, 64 - BitOperations.LeadingZeroCount(seen));
            if (field < 0 || (seen & (1UL << field)) != 0)
            {
                return false;
            }

            seen |= 1UL << field;
            at = SkipWhitespace(json, at);
            if (!Expect(json, ref at, (byte)':'))
            {
                return false;
            }

            at = SkipWhitespace(json, at);
            if (!TryReadPlainString(json, ref at, out ReadOnlySpan<byte> value))
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
            if (!valid)
            {
                return false;
            }

            at = SkipWhitespace(json, at);
            if (at >= json.Length)
            {
                return false;
            }

            byte next = json[at++];
            if (next == (byte)'}')
            {
                break;
            }

            if (next != (byte)',')
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
        if (_recordIds.Count != 0 || (!_lastRecordId.IsNone && RecordId.Compare(id, _lastRecordId) <= 0))
        {
            return false;
        }

        if (_firstRecordId.IsNone)
        {
            _firstRecordId = id;
        }

        _lastRecordId = id;
        Evidence evidence = kind switch
        {
            EvidenceKind.WorkStyle => new WorkStyleEvidence
            {
                Id = null!, CadreId = cadreId!, Date = date, Channel = channel,
                WorkStyle = workStyle, Severity = severity, Status = status,
            },
            EvidenceKind.NegativeList => new NegativeListEvidence
            {
                Id = null!, CadreId = cadreId!, Date = date, Channel = channel,
                Category = category, Status = status,
            },
            EvidenceKind.KeyTask => new KeyTaskEvidence
            {
                Id = null!, CadreId = cadreId!, Date = date, Channel = channel,
                Task = task, Rating = rating,
            },
            _ => new AttitudeEvidence
            {
                Id = null!, CadreId = cadreId!, Date = date, Channel = channel,
                Attitude = attitude,
            },
        };
        evidence.SetPackedId(high, low);
        _evidence.Add(evidence);
        _evidenceRuns.Add(owner);
        return true;
    }

    /// <summary>The kind-specific evidence properties (bits of <see cref="EvidenceFields"/>) of a kind.</summary>
    private static ulong OwnFields(EvidenceKind kind) => kind switch
    {
        EvidenceKind.WorkStyle => Bits(5, 6, 7),
        EvidenceKind.NegativeList => Bits(7, 8),
        EvidenceKind.KeyTask => Bits(9, 10),
        _ => Bits(11),
    };

    /// <summary>As <see cref="ReadReference"/> for a plain cadre id that is already defined; <see langword="false"/> otherwise.</summary>
    private bool TryResolvePlainCadre(ReadOnlySpan<byte> value, out string? cadreId, out int owner)
    {
        LastReference last = _lastCadreReference;
        if (last.TryGet(value, out cadreId, out owner))
        {
            return true;
        }

        int next = last.Index + 1;
        if (next > 0 && next < _cadreList.Count && Ascii.Equals(value, _cadreList[next].Id))
        {
            cadreId = _cadreList[next].Id;
            owner = next;
            last.Set(value, cadreId, owner);
            return true;
        }

        Span<char> chars = stackalloc char[PlainReferenceLength];
        if (value.Length > chars.Length || Ascii.ToUtf16(value, chars, out int length) != System.Buffers.OperationStatus.Done
            || !_cadreLookup.TryGetValue(chars[..length], out cadreId, out owner))
        {
            cadreId = null;
            owner = -1;
            return false;
        }

        last.Set(value, cadreId, owner);
        return true;
    }

    /// <summary>Reads a string of printable ASCII without escapes; <see langword="false"/> for anything else.</summary>
    private static bool TryReadPlainString(ReadOnlySpan<byte> json, ref int at, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (at >= json.Length || json[at] != (byte)'"')
        {
            return false;
        }

        // Values are short (ids, dates, enum names): a plain loop beats the vectorized searches' setup.
        int start = at + 1;
        for (int i = start; i < json.Length; i++)
        {
            byte b = json[i];
            if (b == (byte)'"')
            {
                value = json[start..i];
                at = i + 1;
                return true;
            }

            if (b is < 0x20 or > 0x7E or (byte)'\\')
            {
                return false;
            }
        }

        return false;
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
