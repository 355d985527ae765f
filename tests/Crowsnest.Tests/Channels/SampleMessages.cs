using Crowsnest.Channels;
using Crowsnest.Messages;

namespace Crowsnest.Tests.Channels;

/// <summary>Hand-built messages that cover what renderers must handle; each has golden files per platform.</summary>
internal static class SampleMessages
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 23, 41, 7, TimeSpan.Zero);

    // The PNG signature and an IHDR chunk start: enough for renderers, which only pass the bytes on.
    private static readonly byte[] TinyPng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public static IReadOnlyDictionary<string, ChatMessage> All { get; } = new Dictionary<string, ChatMessage>
    {
        ["alarm"] = Alarm(),
        ["long"] = Long(),
        ["hazards"] = Hazards(),
        ["minimal"] = new ChatMessage { EventType = "custom", Title = "Hello from Crowsnest" },
    };

    /// <summary>The options each golden rendering uses: thread, channel and an uploaded chart.</summary>
    public static RenderOptions Options(string name) => new()
    {
        Channel = "C0123456789",
        ThreadId = name == "alarm" ? "1764286867.000100" : null,
        SlackImageFileId = name == "alarm" ? "F0CHART01" : null,
        ImageUrl = name == "alarm" ? "https://crowsnest.example.com/charts/abc.png" : null,
        OriginalEvent = name switch
        {
            "alarm" => """{"AlarmName":"HighCPU-prod-web","NewStateValue":"ALARM","Trigger":{"Threshold":80.0}}""",
            "minimal" => "Plain SNS text, not JSON",
            _ => null,
        },
    };

    public static ChatMessage Alarm() => new()
    {
        EventType = "cloudwatch.alarm",
        Title = "ALARM: \"HighCPU-prod-web\" in US East (N. Virginia)",
        Severity = Severity.High,
        Summary = "Threshold crossed: 3 datapoints were **greater than** the threshold (80.0).",
        Fields =
        [
            new("Alarm", "HighCPU-prod-web"),
            new("State", "OK → **ALARM**"),
            new("Metric", "`AWS/EC2` CPUUtilization (InstanceId = i-0abc123)"),
            new("Threshold", "Average > 80 for 3 of 3 × 5 min"),
            new("Reason", "Threshold Crossed: 3 out of the last 3 datapoints [93.2 (27/11/26 23:36:00), 91.0 (27/11/26 23:31:00), 88.4 (27/11/26 23:26:00)] were greater than the threshold (80.0).", IsShort: false),
        ],
        Sections = [new("Next steps", "- Check the [instance](https://console.aws.amazon.com/ec2/home?region=us-east-1#InstanceDetails:instanceId=i-0abc123)\n- Scale out the _web_ tier")],
        Links =
        [
            new("Alarm", "https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/HighCPU-prod-web"),
            new("Account 123456789012", "https://console.aws.amazon.com/billing/home?region=us-east-1"),
        ],
        Buttons = [new("Show logs", "logs", "HighCPU-prod-web", ButtonStyle.Primary), new("Mute 1 h", "mute", "3600", ButtonStyle.Danger)],
        Image = new MessageImage("chart.png", "image/png", TinyPng, "CPUUtilization over the last 3 hours, threshold 80"),
        ThreadKey = "cloudwatch.alarm/123456789012/us-east-1/HighCPU-prod-web",
        UpdateKey = "cloudwatch.alarm/123456789012/us-east-1/HighCPU-prod-web",
        Keywords = ["cloudwatch", "alarm", "ec2"],
        Account = "123456789012",
        Region = "us-east-1",
        OccurredAt = At,
        DetailsUrl = "https://crowsnest.example.com/events/01JDXK0A",
    };

    public static ChatMessage Long()
    {
        var paragraph = string.Concat(Enumerable.Repeat("The stack UPDATE_ROLLBACK_IN_PROGRESS because a resource failed & was replaced. ", 80));
        return new ChatMessage
        {
            EventType = "cloudformation.stack",
            Title = string.Concat(Enumerable.Repeat("Very long stack name ", 15)),
            Severity = Severity.Critical,
            Summary = paragraph,
            Fields = [.. Enumerable.Range(1, 40).Select(i => new MessageField($"Resource {i}", paragraph[..(i * 20)], IsShort: i % 7 != 0))],
            Sections = [.. Enumerable.Range(1, 60).Select(i => new MessageSection($"Event {i}", "```\n" + paragraph + "\n```"))],
            Links = [.. Enumerable.Range(1, 12).Select(i => new MessageLink($"Link {i}", $"https://console.aws.amazon.com/cloudformation/home#/stacks/{i}"))],
            Buttons = [.. Enumerable.Range(1, 30).Select(i => new MessageButton(new string('B', 100) + i, "same-id"))],
            Account = "123456789012",
            Region = "eu-west-1",
            OccurredAt = At,
            DetailsUrl = "https://crowsnest.example.com/events/01JDXK0B",
        };
    }

    public static ChatMessage Hazards() => new()
    {
        EventType = "custom",
        Title = "<!channel> deploy & <script>alert(1)</script>",
        Severity = Severity.Medium,
        Summary = "**bold** and _italic_ and my_snake_case_name, <@U0123> <!here> @All & a * lone star and an **unclosed",
        Fields =
        [
            new("<b>Label</b>", "{{DATE(2017-02-14T06:08:39Z, SHORT)}} and \"quotes\" 'single'"),
            new("Escapes", "\\*not bold\\* and \\[not a link\\]"),
        ],
        Sections =
        [
            new("Links", "[click](javascript:alert(1)) [ok](https://example.com/?a=1&b=<2>|x) [pipe](https://example.com/a|b) [](https://example.com/bare)"),
            new(null, "Code: `<!here> & *x*`\n```\n<script>alert('x')</script>\n@Present hello\n```\n- item <one>\n- item _two_"),
        ],
        Links = [new("evil\" onclick=\"alert(1)", "https://example.com/\"onmouseover=\"x"), new("not a url", "javascript:alert(1)")],
        Buttons = [new("<b>Approve</b> & go", "approve\"><script>", "v<1>")],
        Account = "123456789012",
        Region = "us-east-1",
        IsGeneric = true,
        DetailsUrl = "https://crowsnest.example.com/events/01JDXK0C",
    };
}
