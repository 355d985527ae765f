using System.CommandLine;
using Crowsnest.Channels;
using Crowsnest.Notifications.Preview;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Host.Cli;

/// <summary><c>crowsnest render FILE [--platform P]</c>: recognise and render a payload offline.</summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A payload: an SNS envelope, a Lambda/SQS event, a bare EventBridge event, a custom notification, text; '-' reads standard input." };
        var platform = new Option<string>("--platform")
        {
            Description = $"One of: {string.Join(", ", MessageRenderers.All.Select(r => r.Platform))}.",
            DefaultValueFactory = _ => "slack",
        };
        var command = new Command("render", "Print the recognised event type, then the rendering for one platform (offline).") { file, platform };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var name = parse.GetValue(platform)!;
            if (MessageRenderers.Find(name) is null)
            {
                await error.WriteLineAsync($"crowsnest: --platform: unknown platform '{name}' (expected one of: {string.Join(", ", MessageRenderers.All.Select(r => r.Platform))}).");
                return 2;
            }
            var path = parse.GetValue(file)!;
            string payload;
            try
            {
                payload = path.Name == "-" ? await Console.In.ReadToEndAsync(cancellationToken) : await File.ReadAllTextAsync(path.FullName, cancellationToken);
            }
            catch (IOException e)
            {
                await error.WriteLineAsync($"crowsnest: cannot read {path}: {e.Message}");
                return 2;
            }
            var preview = new EventPreview(EventCatalog.Default, TimeProvider.System).Preview(payload, [name]);
            if (preview.Error is not null)
            {
                await output.WriteLineAsync("invalid");
                await error.WriteLineAsync($"crowsnest: not a notification: {preview.Error}");
                return 1;
            }
            foreach (var item in preview.Items)
            {
                await output.WriteLineAsync(item.EventType);
                if (item.Reason is not null)
                {
                    await output.WriteLineAsync($"reason: {item.Reason}");
                }
                foreach (var rendering in item.Renderings.Values)
                {
                    await output.WriteLineAsync(rendering);
                }
            }
            return preview.Items.All(i => i.Outcome != RecognitionOutcome.Unrecognized) ? 0 : 1;
        });
        return command;
    }
}
