using Crowsnest.Messages;

namespace Crowsnest.Tests.Channels;

/// <summary>Seeded random messages, oversized and full of markup and escaping hazards, for the limit tests.</summary>
internal static class RandomMessages
{
    private static readonly string[] Pieces =
    [
        "word", "alarm", "my_snake_case", "<!channel>", "<!here>", "<@U0123>", "<script>alert(1)</script>", "&", "&amp;",
        "<", ">", "**", "_", "`", "\n```\n", "\n", "\n- ", "[link](https://example.com/a?b=1&c=2)", "[bad](javascript:x)",
        "\U0001F6A8", "é", "@All", "@Present", "\"", "'", "{{DATE(2017-02-14T06:08:39Z, SHORT)}}", "|", "\\*",
        new string('x', 300), "https://example.com/" + new string('p', 200), " ", " ", " ",
    ];

    public static IEnumerable<ChatMessage> Generate(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
            yield return One(random);
    }

    private static ChatMessage One(Random r) => new()
    {
        EventType = Text(r, 60),
        Title = Text(r, r.Next(4) == 0 ? 600 : 80),
        Severity = (Severity)r.Next(7),
        Summary = r.Next(3) == 0 ? null : Text(r, r.Next(2) == 0 ? 8000 : 200),
        Fields = [.. Enumerable.Range(0, r.Next(0, r.Next(2) == 0 ? 60 : 8)).Select(_ => new MessageField(Text(r, 300), Text(r, r.Next(2) == 0 ? 4000 : 60), r.Next(4) != 0))],
        Sections = [.. Enumerable.Range(0, r.Next(0, r.Next(2) == 0 ? 80 : 4)).Select(_ => new MessageSection(r.Next(2) == 0 ? null : Text(r, 300), Text(r, r.Next(2) == 0 ? 9000 : 300)))],
        Links = [.. Enumerable.Range(0, r.Next(0, 20)).Select(i => new MessageLink(Text(r, 250), r.Next(5) == 0 ? "javascript:alert(1)" : "https://example.com/" + Text(r, 50).Replace(" ", "-", StringComparison.Ordinal)))],
        Buttons = [.. Enumerable.Range(0, r.Next(0, 40)).Select(i => new MessageButton(Text(r, 150), r.Next(3) == 0 ? "dup" : Text(r, 400), r.Next(2) == 0 ? null : Text(r, 3000), (ButtonStyle)r.Next(3)))],
        Account = r.Next(2) == 0 ? null : Text(r, 20),
        Region = r.Next(2) == 0 ? null : "us-east-1",
        OccurredAt = r.Next(2) == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(r.Next()),
        IsGeneric = r.Next(2) == 0,
        DetailsUrl = r.Next(3) == 0 ? null : "https://crowsnest.example.com/events/" + r.Next(),
    };

    private static string Text(Random r, int maxLength)
    {
        var length = r.Next(0, maxLength + 1);
        var parts = new List<string>();
        var total = 0;
        while (total < length)
        {
            var piece = Pieces[r.Next(Pieces.Length)];
            parts.Add(piece);
            total += piece.Length;
        }
        return string.Concat(parts);
    }
}
