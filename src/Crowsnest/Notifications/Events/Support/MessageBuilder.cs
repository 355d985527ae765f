using Crowsnest.Messages;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Events.Support;

/// <summary>
/// Assembles a <see cref="ChatMessage"/> for an event: skips empty fields, fills account, region and time from the
/// event, and adds the region and account console links after the resource links.
/// </summary>
internal sealed class MessageBuilder(AwsEvent awsEvent, string title)
{
    private readonly List<MessageField> _fields = new(8);
    private readonly List<MessageSection> _sections = [];
    private readonly List<MessageLink> _links = new(4);
    private readonly List<string> _keywords = [];
    private Severity _severity = awsEvent.Severity;
    private string? _summary;
    private string? _threadKey;
    private string? _updateKey;

    public MessageBuilder Severity(Severity severity)
    {
        _severity = severity;
        return this;
    }

    public MessageBuilder Summary(string? summary)
    {
        if (!string.IsNullOrWhiteSpace(summary))
        {
            _summary = Md.FirstLine(summary, 300);
        }

        return this;
    }

    public MessageBuilder Field(string label, string? value, bool isShort = true)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            _fields.Add(new MessageField(label, Md.Truncate(value, 1900), isShort));
        }

        return this;
    }

    public MessageBuilder Code(string label, string? value, bool isShort = true) => Field(label, Md.Code(value), isShort);

    public MessageBuilder Time(string label, string? rawTime) => Field(label, Timestamps.Display(rawTime));

    public MessageBuilder Section(string? heading, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            _sections.Add(new MessageSection(heading, text));
        }

        return this;
    }

    public MessageBuilder Link(string text, string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return this;
        }

        foreach (var link in _links)
        {
            if (link.Url == url)
            {
                return this;
            }
        }

        _links.Add(new MessageLink(text, url));
        return this;
    }

    public MessageBuilder Thread(string? key)
    {
        _threadKey = key;
        return this;
    }

    public MessageBuilder Update(string? key)
    {
        _updateKey = key;
        return this;
    }

    public MessageBuilder Keywords(params ReadOnlySpan<string?> keywords)
    {
        foreach (var keyword in keywords)
        {
            if (!string.IsNullOrWhiteSpace(keyword) && !_keywords.Contains(keyword))
            {
                _keywords.Add(keyword);
            }
        }

        return this;
    }

    public ChatMessage Build()
    {
        var region = Regions.Normalize(awsEvent.Region);
        if (ConsoleLinks.RegionHomeLink(region) is { } home)
        {
            Link(home.Text, home.Url);
        }

        Link($"Account {awsEvent.Account}", ConsoleLinks.Account(awsEvent.Account));
        return new ChatMessage
        {
            EventType = awsEvent.TypeName,
            Title = Md.FirstLine(string.IsNullOrWhiteSpace(title) ? awsEvent.TypeName : title, 150),
            Severity = _severity,
            Summary = _summary,
            Fields = _fields,
            Sections = _sections,
            Links = _links,
            ThreadKey = _threadKey,
            UpdateKey = _updateKey,
            Keywords = _keywords,
            IsGeneric = awsEvent.IsGeneric,
            Account = awsEvent.Account,
            Region = region ?? awsEvent.Region,
            OccurredAt = awsEvent.Time,
        };
    }
}
