using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Crowsnest.Fuzz;

/// <summary>
/// FsCheck generators of hostile inputs: corpus seeds mutated (bytes flipped, cut, spliced, JSON values swapped for
/// odd ones, deep nesting, huge numbers, invalid UTF-8) and free-form strings from an alphabet of troublemakers.
/// </summary>
internal static class Mutator
{
    private static readonly string[] Oddities =
    [
        "null", "true", "[]", "{}", "\"\"", "-0", "1e309", "-1e309", "99999999999999999999999", "0.0000000001", "\"\\u0000\"",
        "\"\\ud800\"", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "\"" + new string('x', 5000) + "\"", "\"2026-13-45T99:99:99Z\"",
        "{\"a\":{\"b\":{\"c\":null}}}", "\"—\"", "\"arn:aws:sns:us-east-1:123456789012:\"", "\"https://sns.us-east-1.amazonaws.com/x.pem\"",
        "\"http://127.0.0.1/\"", "\"${aws:username}\"", "\"*\"", "\"?\"", "\"\\\\\"",
    ];

    private static readonly string[] Fragments =
    [
        "--", "-", "—", "\"", "'", "`", "=", ",", "[", "]", "{", "}", ":", " ", "\t", "\n", "\\", "*", "?", "$", "file://", "fileb://",
        "--endpoint-url", "--profile", "--query", "--output", "--max-items", "--filters", "Name=", "Values=", "--cli-input-json",
        "ec2", "s3", "s3api", "cloudwatch", "describe-alarms", "describe-instances", "logs", "lambda", "invoke", "help", "--state-value",
        "ALARM", "Reservations[].Instances[]", "\u00e9", "\ud83d\ude00", "\u0000", "\u200b", "0", "-1", "99999999999999999999",
    ];

    /// <summary>A seed, mutated 1–8 times.</summary>
    public static Gen<byte[]> Mutated(IReadOnlyList<byte[]> seeds) =>
        from seed in Gen.Elements(seeds.ToArray())
        from rounds in Gen.Choose(1, 8)
        from dice in Gen.Choose(0, int.MaxValue)
        select Mutate(seed, rounds, new Random(dice));

    /// <summary>Words from <see cref="Fragments"/>, joined with spaces or not.</summary>
    public static Gen<string> Words() =>
        from count in Gen.Choose(0, 14)
        from words in Gen.Elements(Fragments).ArrayOf(count)
        from glue in Gen.Elements(" ", "", "  ", " --")
        select string.Join(glue, words);

    public static byte[] Mutate(byte[] seed, int rounds, Random random)
    {
        var data = new List<byte>(seed);
        for (var r = 0; r < rounds; r++)
        {
            switch (random.Next(8))
            {
                case 0 when data.Count > 0:
                    data[random.Next(data.Count)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when data.Count > 0:
                    var start = random.Next(data.Count);
                    data.RemoveRange(start, random.Next(1, Math.Min(64, data.Count - start) + 1));
                    break;
                case 2 when data.Count > 0:
                    var cut = random.Next(data.Count);
                    data.RemoveRange(cut, data.Count - cut);
                    break;
                case 3:
                    data.InsertRange(random.Next(data.Count + 1), Encoding.UTF8.GetBytes(Oddities[random.Next(Oddities.Length)]));
                    break;
                case 4:
                    ReplaceJsonValue(data, random);
                    break;
                case 5:
                    data.InsertRange(random.Next(data.Count + 1), new byte[] { 0xC3, 0x28, 0xFF, 0xFE }.Take(random.Next(1, 5)));
                    break;
                case 6 when data.Count > 1:
                    var from = random.Next(data.Count);
                    var length = Math.Min(random.Next(1, 64), data.Count - from);
                    data.InsertRange(random.Next(data.Count), data.GetRange(from, length));
                    break;
                default:
                    data.InsertRange(random.Next(data.Count + 1), Encoding.UTF8.GetBytes(Fragments[random.Next(Fragments.Length)]));
                    break;
            }
        }
        return [.. data];
    }

    /// <summary>Replaces the value after a random <c>":</c> with an odd JSON value (keeps the document mostly well formed).</summary>
    private static void ReplaceJsonValue(List<byte> data, Random random)
    {
        var text = Encoding.UTF8.GetString([.. data]);
        var colons = Enumerable.Range(0, Math.Max(0, text.Length - 1)).Where(i => text[i] == '"' && text[i + 1] == ':').ToList();
        if (colons.Count == 0)
        {
            return;
        }
        var at = colons[random.Next(colons.Count)] + 2;
        var end = at;
        var depth = 0;
        var inString = false;
        for (; end < text.Length; end++)
        {
            var c = text[end];
            if (inString)
            {
                if (c == '\\')
                {
                    end++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
                continue;
            }
            if (c == '"')
            {
                inString = true;
            }
            else if (c is '{' or '[')
            {
                depth++;
            }
            else if (c is '}' or ']')
            {
                if (depth-- == 0)
                {
                    break;
                }
            }
            else if (c == ',' && depth == 0)
            {
                break;
            }
        }
        end = Math.Min(end, text.Length);
        if (at > end)
        {
            return;
        }
        var replaced = text[..at] + Oddities[random.Next(Oddities.Length)] + text[end..];
        data.Clear();
        data.AddRange(Encoding.UTF8.GetBytes(replaced));
    }
}
