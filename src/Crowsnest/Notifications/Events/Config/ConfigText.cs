using System.Buffers;
using System.Text.Json;
using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Events.Config;

/// <summary>AWS Config's text (e-mail) notifications: oversized configuration item changes and delivery failures.</summary>
internal sealed class ConfigText : TextEventType
{
    private const string Marker = "View the Timeline for this Resource in the Console";

    public override string Name => "config.notification";

    protected override bool Matches(ParsedPayload payload) => payload.TextStartsWith(Marker);

    protected override IReadOnlyDictionary<string, string> Read(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        if (start >= 0 && end > start)
        {
            try
            {
                using var document = JsonDocument.Parse(text.AsMemory(start, end + 1 - start));
                var summary = document.RootElement.Prop("configurationItemSummary"u8);
                foreach (var (name, value) in (summary.IsObject() ? summary : document.RootElement).Scalars())
                {
                    fields[name] = value;
                }
            }
            catch (JsonException)
            {
                // The text is shown as it is; the summary fields are a bonus.
            }
        }

        // The console link and the first line of prose (the line starting with https:// cannot be both).
        string? link = null, paragraph = null;
        var all = text.AsSpan();
        foreach (var range in all.Split('\n'))
        {
            var line = all[range].Trim();
            if (link is null && line.StartsWith("https://", StringComparison.Ordinal))
            {
                link = line.ToString();
            }
            else if (paragraph is null && line.Length > 60 && !line.StartsWith("http", StringComparison.Ordinal))
            {
                paragraph = line.ToString();
            }
        }

        if (link is not null)
        {
            fields["link"] = link;
        }

        if (paragraph is not null)
        {
            fields["text"] = paragraph;
        }

        return fields;
    }

    private static readonly SearchValues<string> Fail = SearchValues.Create(["fail"], StringComparison.OrdinalIgnoreCase);

    protected override (Severity, string, string, string?, string?, string?, IReadOnlyList<string>?) Describe(IReadOnlyDictionary<string, string> f, ParsedPayload payload)
    {
        var failed = payload.Body.AsSpan().ContainsAny(Fail);
        return (failed ? Severity.High : Severity.Info, "aws.config", failed ? "Config delivery failed" : "Oversized Configuration Item Change",
            Get(f, "awsAccountId"), Get(f, "awsRegion"), Get(f, "configurationItemCaptureTime"), Get(f, "ARN") is { } arn ? [arn] : null);
    }

    protected override ChatMessage Render(AwsEvent e, IReadOnlyDictionary<string, string> f)
    {
        var resource = $"{Get(f, "resourceType")} {Get(f, "resourceName") ?? Get(f, "resourceId")}".Trim();
        return new MessageBuilder(e, $"Config: {e.DetailType}{(resource.Length == 0 ? string.Empty : $" — {resource}")}")
            .Summary(Get(f, "text"))
            .Field("Change", Get(f, "changeType"))
            .Field("Resource type", Get(f, "resourceType"))
            .Code("Resource", Get(f, "resourceId"))
            .Field("Item status", Get(f, "configurationItemStatus"))
            .Time("Captured", Get(f, "configurationItemCaptureTime"))
            .Section(null, Md.CodeBlock(Md.Truncate(e.Notification.Body.Trim(), 2500)))
            .Link("Resource timeline", Get(f, "link"))
            .Thread(Get(f, "resourceType") is { } type ? $"config/{e.Account}/{e.Region}/{type}/{Get(f, "resourceId")}" : null)
            .Keywords("config")
            .Build();
    }
}
