using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace CultureHealth.ServiceDefaults.Boundary;

/// <summary>
/// Strict percent-decoding of raw URL parts. ASP.NET Core's own decoding is lenient on purpose: a stray
/// "%zz" stays as typed and bytes that are not UTF-8 become U+FFFD (in queries) or stay encoded (in paths),
/// so a value the client never meant arrives at the endpoint. Here such input is refused instead.
/// </summary>
public static class PercentDecoding
{
    /// <summary>Decodes <paramref name="raw"/>; false with the reason when it is not valid percent-encoded UTF-8.</summary>
    /// <param name="plusIsSpace">True in query strings (form encoding), false in paths.</param>
    public static bool TryDecode(ReadOnlySpan<char> raw, bool plusIsSpace, out string decoded, out string? error)
    {
        decoded = "";
        error = null;
        if (raw.IndexOfAny('%', '+') < 0 && Ascii.IsValid(raw))
        {
            decoded = raw.ToString();
            return true;
        }

        var bytes = new List<byte>(raw.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '%')
            {
                if (i + 2 >= raw.Length || !byte.TryParse(raw.Slice(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
                {
                    error = "Not valid percent-encoding: every % must be followed by two hexadecimal digits.";
                    return false;
                }
                bytes.Add(b);
                i += 2;
            }
            else if (c == '+' && plusIsSpace)
            {
                bytes.Add((byte)' ');
            }
            else if (c < 0x80)
            {
                bytes.Add((byte)c);
            }
            else if (Rune.DecodeFromUtf16(raw[i..], out var rune, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                var n = rune.EncodeToUtf8(utf8);
                bytes.AddRange(utf8[..n]);
                i += consumed - 1;
            }
            else
            {
                error = "Contains an unpaired surrogate, which is not valid Unicode text.";
                return false;
            }
        }

        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes);
        if (!Utf8.IsValid(span))
        {
            error = "Not valid UTF-8 text once percent-decoded.";
            return false;
        }
        decoded = Encoding.UTF8.GetString(span);
        return true;
    }
}
