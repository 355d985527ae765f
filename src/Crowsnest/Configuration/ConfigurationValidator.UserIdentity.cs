using System.Text.RegularExpressions;

namespace Crowsnest.Configuration;

public static partial class ConfigurationValidator
{
    /// <summary>
    /// Every problem with a user identity (a chat user mapped to their own IAM role), with the AWS Chatbot model's
    /// member names: <c>slackUserId</c> for Slack, <c>userId</c> (an Entra object id) for Teams.
    /// </summary>
    public static IReadOnlyList<ValidationError> Validate(UserIdentityDocument identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var errors = new List<ValidationError>();
        Model.CheckString("ChatConfigurationArn", identity.ChatConfigurationArn, "chatConfigurationArn", errors);
        var before = errors.Count;
        Model.CheckString("Arn", identity.IamRoleArn, "iamRoleArn", errors);
        if (errors.Count == before && !IamRoleArn().IsMatch(identity.IamRoleArn))
        {
            errors.Add(new ValidationError("iamRoleArn", $"Value '{identity.IamRoleArn}' at 'iamRoleArn' is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)"));
        }
        switch (identity.Platform)
        {
            case "slack":
                before = errors.Count;
                Model.CheckString("SlackUserId", identity.UserId, "slackUserId", errors);
                if (errors.Count == before && !SlackUserId().IsMatch(identity.UserId))
                {
                    errors.Add(new ValidationError("slackUserId", $"Value '{identity.UserId}' at 'slackUserId' is not a Slack user id (U… or W…, capital letters and digits)"));
                }
                break;
            case "teams":
                Model.CheckString("UUID", identity.UserId, "userId", errors);
                if (identity.TeamsChannelId is not null)
                {
                    Model.CheckString("TeamsChannelId", identity.TeamsChannelId, "teamsChannelId", errors);
                }
                break;
            default:
                errors.Add(new ValidationError("platform", $"Value '{identity.Platform}' at 'platform' must be slack or teams"));
                break;
        }
        if (identity.AwsUserIdentity is not null)
        {
            Model.CheckString("AwsUserIdentity", identity.AwsUserIdentity, "awsUserIdentity", errors);
        }
        return errors;
    }

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$")]
    private static partial Regex IamRoleArn();

    [GeneratedRegex("^[UW][A-Z0-9]{2,254}$")]
    private static partial Regex SlackUserId();
}
