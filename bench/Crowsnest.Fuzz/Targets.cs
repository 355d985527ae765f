using System.Text;
using Crowsnest.Aws.Models;
using Crowsnest.Channels;
using Crowsnest.Channels.Chime;
using Crowsnest.Channels.Console;
using Crowsnest.Channels.Slack;
using Crowsnest.Channels.Teams;
using Crowsnest.Channels.Webhook;
using Crowsnest.Commands.Parse;
using Crowsnest.Iam;
using Crowsnest.Notifications;
using Crowsnest.Notifications.Ingest;
using Crowsnest.Notifications.Recognize;
using FsCheck.Fluent;

namespace Crowsnest.Fuzz;

/// <summary>The in-process targets: SNS envelope reader, event recognisers and renderers, CLI parser, policy parser.</summary>
internal static class Targets
{
    private static readonly IMessageRenderer[] Renderers =
        [SlackRenderer.Api, SlackRenderer.Webhook, TeamsRenderer.Instance, ChimeRenderer.Instance, WebhookRenderer.Instance, ConsoleRenderer.Instance];

    public static string Show(byte[] input) => Convert.ToBase64String(input.Length > 2048 ? input[..2048] : input);

    public static FuzzTarget<byte[]> Envelope(IReadOnlyList<byte[]> seeds)
    {
        var reader = new PayloadReader(TimeProvider.System);
        return new("SNS envelope and payload reader", Mutator.Mutated(seeds), input =>
        {
            _ = reader.Read(input);
            _ = reader.Read(Encoding.UTF8.GetString(input));
            return true;
        }, Show);
    }

    public static FuzzTarget<byte[]> Recognisers(IReadOnlyList<byte[]> seeds) =>
        new("event recognisers and renderers", Mutator.Mutated(seeds), input =>
        {
            var notification = new Notification
            {
                MessageId = "fuzz",
                Source = NotificationSource.Sns,
                TopicArn = "arn:aws:sns:us-east-1:123456789012:fuzz",
                Subject = "fuzz",
                Body = Encoding.UTF8.GetString(input),
                ReceivedAt = DateTimeOffset.UnixEpoch,
            };
            var recognised = EventCatalog.Default.Recognize(notification);
            if (recognised.Render() is { } message)
            {
                foreach (var renderer in Renderers)
                {
                    _ = renderer.Render(message, RenderOptions.None);
                }
            }
            return true;
        }, Show);

    public static FuzzTarget<string> CommandParser()
    {
        var parser = new CommandParser(ServiceCatalog.OpenDefault());
        return new("CLI command parser", Mutator.Words(), text =>
        {
            _ = parser.Parse(text);
            return true;
        }, text => text);
    }

    public static FuzzTarget<byte[]> Policies()
    {
        byte[][] seeds = [.. PolicySeeds.All.Select(Encoding.UTF8.GetBytes)];
        return new("IAM policy parser", Mutator.Mutated(seeds), input =>
        {
            var text = Encoding.UTF8.GetString(input);
            _ = PolicyParser.Parse(text);
            _ = CompiledPolicy.Parse("fuzz", text);
            return true;
        }, Show);
    }
}
