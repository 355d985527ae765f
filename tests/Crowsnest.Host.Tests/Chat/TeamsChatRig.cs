using Crowsnest.Configuration;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Storage;
using Crowsnest.Testing;
using Crowsnest.TestKit.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace Crowsnest.Host.Tests.Chat;

/// <summary><see cref="ChatRig"/> plus the Bot Framework emulator and a Teams channel configuration with the same role and guardrail.</summary>
public sealed class TeamsChatRig : ChatRig
{
    public TeamsBotEmulator Teams { get; private set; } = null!;

    public Uri TeamsEndpoint => new(Host.BaseUrl + "/teams/messages");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var document = new ChannelConfigurationDocument
        {
            ChatConfigurationArn = TestConfigurations.Arn("teams-channel", $"teams-{Suffix}"),
            ConfigurationName = $"teams-{Suffix}",
            TargetType = TargetTypes.TeamsChannel,
            TenantId = Teams.Options.TenantId,
            TeamId = Teams.Options.TeamId,
            ChannelId = Uri.EscapeDataString(TeamsActivities.DefaultChannel),
            ChannelName = "alerts",
            IamRoleArn = RoleArn,
            GuardrailPolicyArns = [GuardrailArn],
        };
        Assert.Equal(ResourceWriteResult.Ok, await Host.Store.Resources.CreateAsync(new ResourceRecord(ResourceKinds.Configuration, document.ChatConfigurationArn,
            document.ConfigurationName, ConfigurationJson.Write(document), ConfigurationJson.Write(new ChannelSecrets()), 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
            CancellationToken.None));
        var snapshots = Host.App.Services.GetRequiredService<ConfigSnapshotSource>();
        await snapshots.RefreshAsync(CancellationToken.None);
        Assert.Equal(2, snapshots.Current.Configurations.Count);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Teams.DisposeAsync();
    }

    protected override async Task<Dictionary<string, string?>> MoreSettingsAsync()
    {
        Teams = await TeamsBotEmulator.StartAsync();
        return new Dictionary<string, string?>
        {
            ["Teams:AppId"] = Teams.Options.AppId,
            ["Teams:AppPassword"] = Teams.Options.AppPassword,
            ["Teams:OpenIdMetadataUrl"] = Teams.OpenIdMetadataUrl.ToString(),
            ["Teams:TokenEndpoint"] = Teams.TokenEndpoint.ToString(),
        };
    }
}
