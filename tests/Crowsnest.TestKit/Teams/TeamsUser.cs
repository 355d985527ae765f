namespace Crowsnest.TestKit.Teams;

/// <summary>A Teams user as activities name them: the Bot Framework id, the display name and the Entra (AAD) object id.</summary>
public sealed record TeamsUser(string Id, string Name, string AadObjectId)
{
    public static TeamsUser Alice { get; } = new("29:1alice-teams-user", "Alice", TeamsActivities.UserAadId);

    public static TeamsUser Bob { get; } = new("29:1bob-teams-user", "Bob", "bbbbbbbb-5555-6666-7777-888888888888");
}
