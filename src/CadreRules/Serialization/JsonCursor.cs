using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace CadreRules.Serialization;

/// <summary>
/// A forward-only token source over UTF-8 JSON held in a span or read from a stream. Over a stream it
/// uses the standard refill pattern: the unconsumed tail of a pooled buffer moves to the front, the
/// buffer doubles only when one token does not fit, and a new <see cref="Utf8JsonReader"/> resumes from
/// the saved <see cref="JsonReaderState"/> (which also carries the line and position for error messages).
/// Callers see one uninterrupted token stream; a value span is valid until the next <see cref="Read"/>.
/// </summary>
internal ref struct JsonCursor
{
    /// <summary>The initial size of the pooled buffer when reading a stream.</summary>
    internal const int DefaultBufferSize = 64 * 1024;

    // Strict JSON: no comments, no trailing commas (a roster is a contract, not a config file).
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private readonly Stream? _stream;
    private byte[]? _buffer;
    private int _length;
    private bool _final;
    private Utf8JsonReader _reader;

    /// <summary>Creates a cursor over a complete document.</summary>
    /// <param name="utf8Json">The document; a leading UTF-8 byte-order mark is skipped.</param>
    public JsonCursor(ReadOnlySpan<byte> utf8Json)
    {
        _stream = null;
        _buffer = null;
        _length = 0;
        _final = true;
        if (utf8Json.StartsWith(Utf8Bom))
        {
            utf8Json = utf8Json[Utf8Bom.Length..];
        }

        _reader = new Utf8JsonReader(utf8Json, isFinalBlock: true, new JsonReaderState(Options));
    }

    /// <summary>Creates a cursor that reads <paramref name="stream"/> through a pooled buffer.</summary>
    /// <param name="stream">The stream, read to its end.</param>
    /// <param name="initialBufferSize">The initial buffer size; the buffer grows when one token needs more.</param>
    public JsonCursor(Stream stream, int initialBufferSize)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialBufferSize, 16));
        _length = 0;
        _final = false;
        Fill();
        if (_buffer.AsSpan(0, _length).StartsWith(Utf8Bom))
        {
            _buffer.AsSpan(Utf8Bom.Length, _length - Utf8Bom.Length).CopyTo(_buffer);
            _length -= Utf8Bom.Length;
        }

        _reader = new Utf8JsonReader(_buffer.AsSpan(0, _length), _final, new JsonReaderState(Options));
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Gets the underlying reader, positioned on the current token.</summary>
    [UnscopedRef]
    public ref Utf8JsonReader Reader => ref _reader;

    /// <summary>Gets the current token type.</summary>
    public readonly JsonTokenType TokenType => _reader.TokenType;

    /// <summary>Moves to the next token, refilling the buffer from the stream as needed.</summary>
    /// <returns><see langword="false"/> at the end of the document.</returns>
    /// <exception cref="JsonException">The JSON is malformed.</exception>
    public bool Read()
    {
        while (!_reader.Read())
        {
            if (_final)
            {
                return false;
            }

            Refill();
        }

        return true;
    }

    /// <summary>Returns the pooled buffer.</summary>
    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }

    private void Refill()
    {
        byte[] buffer = _buffer!;
        int consumed = checked((int)_reader.BytesConsumed);
        JsonReaderState state = _reader.CurrentState;
        int remaining = _length - consumed;
        if (consumed > 0)
        {
            buffer.AsSpan(consumed, remaining).CopyTo(buffer);
        }

        _length = remaining;
        if (_length == buffer.Length)
        {
            // One token is larger than the whole buffer: grow it (the only time it grows).
            byte[] larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
            buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            _buffer = larger;
        }

        Fill();
        _reader = new Utf8JsonReader(_buffer.AsSpan(0, _length), _final, state);
    }

    private void Fill()
    {
        Span<byte> free = _buffer.AsSpan(_length);
        int read = _stream!.ReadAtLeast(free, free.Length, throwOnEndOfStream: false);
        _length += read;
        _final = read < free.Length;
    }
}
