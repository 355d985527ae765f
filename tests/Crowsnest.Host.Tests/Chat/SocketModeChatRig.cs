using Crowsnest.Configuration;
using Crowsnest.Storage;

namespace Crowsnest.Host.Tests.Chat;

/// <summary><see cref="ChatRig"/> with the workspace switched to Socket Mode: Crowsnest connects to the emulator with the app-level token.</summary>
public sealed class SocketModeChatRig : ChatRig
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var ws = Slack.Options.Workspace;
        var existing = (await Host.Store.Resources.GetAsync(ResourceKinds.SlackWorkspace, ws.TeamId, CancellationToken.None))!;
        var document = ConfigurationJson.Read<SlackWorkspaceDocument>(existing.Document)! with { SocketMode = true };
        var secrets = ConfigurationJson.Read<SlackWorkspaceSecrets>(existing.Secrets!)! with { AppToken = ws.AppToken };
        Assert.Equal(ResourceWriteResult.Ok, await Host.Store.Resources.UpdateAsync(
            existing with { Document = ConfigurationJson.Write(document), Secrets = ConfigurationJson.Write(secrets) }, existing.Version, CancellationToken.None));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Slack.SocketMode.WaitForConnectionsAsync(1, timeout.Token);
    }
}
