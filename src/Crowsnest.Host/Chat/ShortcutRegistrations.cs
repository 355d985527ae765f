using Crowsnest.Aws.Models;
using Crowsnest.Commands.Chat;
using Crowsnest.Commands.Chat.Shortcuts.CustomActions;
using Crowsnest.Commands.Chat.Shortcuts.Invoke;
using Crowsnest.Commands.Chat.Shortcuts.ShowLogs;
using Crowsnest.Commands.Chat.Shortcuts.Support;
using Crowsnest.Commands.Parse;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Notifications.Recognize;
using Crowsnest.Storage;

namespace Crowsnest.Host.Chat;

/// <summary>The chat shortcut commands, in the order they see a command's text.</summary>
internal static class ShortcutRegistrations
{
    public static IServiceCollection AddChatShortcuts(this IServiceCollection services)
    {
        services.AddSingleton<IChatShortcut>(sp => new CustomActionShortcut(new CustomActionResolver(
            sp.GetRequiredService<IStore>().Inbox, EventCatalog.Default, () => sp.GetRequiredService<ConfigSnapshotSource>().Current)));
        services.AddSingleton<IChatShortcut>(sp => new ShowLogsShortcut(
            new LogsInsightsRunner(new CommandParser(sp.GetRequiredService<ServiceCatalog>()), sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<IChatShortcut, InvokeShortcut>();
        services.AddSingleton<IChatShortcut, SupportCaseShortcut>();
        return services;
    }
}
