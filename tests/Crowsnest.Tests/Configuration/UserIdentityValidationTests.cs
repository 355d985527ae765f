using Crowsnest.Configuration;

namespace Crowsnest.Tests.Configuration;

/// <summary>User identities: an IAM role, and a user id in the platform's own form, every problem at once.</summary>
public sealed class UserIdentityValidationTests
{
    private const string Configuration = "arn:aws:chatbot::123456789012:chat-configuration/microsoft-teams-channel/ops";
    private const string Role = "arn:aws:iam::123456789012:role/oncall-alice";

    [Fact]
    public void A_teams_identity_needs_an_entra_object_id_and_a_channel_id_in_teams_form()
    {
        var good = Identity("teams", "aaaaaaaa-1111-2222-3333-444444444444") with { TeamsChannelId = "19%3Aalerts%40thread.tacv2" };
        Assert.Empty(ConfigurationValidator.Validate(good));

        var errors = ConfigurationValidator.Validate(good with { UserId = "29:1alice", TeamsChannelId = "general" });
        Assert.Equal(["userId", "userId", "teamsChannelId"], errors.Select(e => e.Path));
    }

    [Theory]
    [InlineData("U01ALICE", null)]
    [InlineData("W0ENTERPRISE", null)]
    [InlineData("u01alice", "slackUserId")]
    [InlineData("", "slackUserId")]
    public void A_slack_identity_needs_a_slack_user_id(string userId, string? wrong)
    {
        var errors = ConfigurationValidator.Validate(Identity("slack", userId));
        Assert.Equal(wrong is null ? [] : [wrong], errors.Select(e => e.Path).Distinct());
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:policy/oncall")]
    [InlineData("arn:aws:iam::123456789012:user/alice")]
    [InlineData("arn:aws:sts::123456789012:assumed-role/oncall/alice")]
    public void Only_an_iam_role_arn_is_accepted(string arn)
    {
        var error = Assert.Single(ConfigurationValidator.Validate(Identity("slack", "U01ALICE") with { IamRoleArn = arn }));
        Assert.Equal("iamRoleArn", error.Path);
    }

    [Fact]
    public void An_unknown_platform_is_named()
    {
        Assert.Equal("platform", Assert.Single(ConfigurationValidator.Validate(Identity("chime", "U01ALICE"))).Path);
    }

    private static UserIdentityDocument Identity(string platform, string userId) => new()
    {
        ChatConfigurationArn = Configuration,
        Platform = platform,
        UserId = userId,
        IamRoleArn = Role,
    };
}
