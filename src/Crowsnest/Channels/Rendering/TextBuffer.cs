namespace Crowsnest.Channels.Rendering;

/// <summary>
/// A reusable char buffer with a soft limit. Content appends stop at the limit and mark the text as truncated;
/// <see cref="Force(ReadOnlySpan{char})"/> writes past it, into the room callers reserve for closers and ellipses.
/// </summary>
internal sealed class TextBuffer
{
    private char[] _chars = new char[4096];
    private int _length;
    private int _limit = int.MaxValue;

    public int Length => _length;

    public bool Truncated { get; private set; }

    public ReadOnlySpan<char> Span => _chars.AsSpan(0, _length);

    /// <summary>Room left before the soft limit.</summary>
    public int Remaining => Math.Max(0, _limit - _length);

    public void Reset(int limit)
    {
        _length = 0;
        _limit = Math.Max(0, limit);
        Truncated = false;
    }

    /// <summary>Keeps the text and starts a new part that may grow by <paramref name="room"/> chars.</summary>
    public void StartPart(int room)
    {
        _limit = _length + Math.Max(0, room);
        Truncated = false;
    }

    /// <summary>Appends all of <paramref name="text"/> or, when it does not fit, nothing (and marks truncation).</summary>
    public bool TryAppend(ReadOnlySpan<char> text)
    {
        if (Truncated)
            return false;
        if (text.Length > _limit - _length)
        {
            Truncated = true;
            return false;
        }
        Force(text);
        return true;
    }

    public bool TryAppend(char c)
    {
        if (Truncated)
            return false;
        if (_length >= _limit)
        {
            Truncated = true;
            return false;
        }
        Force(c);
        return true;
    }

    /// <summary>Appends as much of <paramref name="text"/> as fits, never splitting a surrogate pair.</summary>
    public bool AppendPartial(ReadOnlySpan<char> text)
    {
        if (Truncated)
            return false;
        var room = _limit - _length;
        if (text.Length <= room)
        {
            Force(text);
            return true;
        }
        var take = Math.Max(0, room);
        if (take > 0 && char.IsHighSurrogate(text[take - 1]))
            take--;
        Force(text[..take]);
        Truncated = true;
        return false;
    }

    public void Force(ReadOnlySpan<char> text)
    {
        Ensure(text.Length);
        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
    }

    public void Force(char c)
    {
        Ensure(1);
        _chars[_length++] = c;
    }

    /// <summary>Cuts the text back to <paramref name="length"/> (to undo an atomic append that did not fit).</summary>
    public void RollBack(int length) => _length = Math.Min(_length, Math.Max(0, length));

    /// <summary>Marks the text as truncated without appending, e.g. when a part is dropped.</summary>
    public void MarkTruncated() => Truncated = true;

    /// <summary>Appends a formatted value (numbers, dates) when it fits.</summary>
    public bool TryAppendFormatted<T>(T value, ReadOnlySpan<char> format)
        where T : ISpanFormattable
    {
        Span<char> tmp = stackalloc char[64];
        return value.TryFormat(tmp, out var written, format, System.Globalization.CultureInfo.InvariantCulture)
            && TryAppend(tmp[..written]);
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _chars.Length)
            return;
        Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + extra));
    }
}
