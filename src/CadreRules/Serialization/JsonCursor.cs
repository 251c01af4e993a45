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
    private int _rawPosition;
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

    /// <summary>Gets a value indicating whether the cursor reads a stream, so <see cref="BeginRaw"/> may be used.</summary>
    public readonly bool ReadsStream => _stream is not null;

    /// <summary>
    /// Leaves token mode: from here <see cref="ReadRaw"/> hands out the bytes after the current token,
    /// until <see cref="EndRaw"/> gives back the bytes the caller did not use.
    /// </summary>
    public void BeginRaw() => _rawPosition = checked((int)_reader.BytesConsumed);

    /// <summary>Copies the next raw bytes of the document (buffered first, then from the stream).</summary>
    /// <param name="destination">Where to copy; not empty.</param>
    /// <returns>The number of bytes copied; 0 at the end of the stream.</returns>
    public int ReadRaw(Span<byte> destination)
    {
        if (_rawPosition < _length)
        {
            int count = Math.Min(destination.Length, _length - _rawPosition);
            _buffer.AsSpan(_rawPosition, count).CopyTo(destination);
            _rawPosition += count;
            return count;
        }

        if (_final)
        {
            return 0;
        }

        int read = _stream!.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        _final = read < destination.Length;
        return read;
    }

    /// <summary>
    /// Returns to token mode: <paramref name="rest"/> (the raw bytes read but not used) is read next, by a
    /// reader resuming from <paramref name="state"/>. Line and position in later error messages are then
    /// relative to the state, not to the document.
    /// </summary>
    /// <param name="rest">The unused bytes, in document order.</param>
    /// <param name="state">The reader state the bytes continue from.</param>
    public void EndRaw(ReadOnlySpan<byte> rest, JsonReaderState state)
    {
        if (rest.Length > _buffer!.Length)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(rest.Length);
        }

        rest.CopyTo(_buffer);
        _length = rest.Length;
        if (!_final && _length < _buffer.Length)
        {
            Fill();
        }

        _reader = new Utf8JsonReader(_buffer.AsSpan(0, _length), _final, state);
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
