using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.CloudWatch;

/// <summary>"CloudWatch Alarm Configuration Change": an alarm created, updated or deleted, with what changed.</summary>
internal sealed class AlarmConfigurationChange() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "cloudwatch.alarm-config",
        Source = "aws.cloudwatch",
        DetailTypes = ["CloudWatch Alarm Configuration Change"],
        Title = (d, _) => $"Alarm {d.Str("alarmName"u8)} {d.Str("operation"u8)}d",
        Severity = d => d.Str("operation"u8) == "delete" ? Severity.Medium : Severity.Info,
        Summary = d => d.Path("configuration"u8, "description"u8).Text(),
        Fields = [new("Operation", "operation")],
        Extra = (b, d, e) =>
        {
            var now = d.Prop("configuration"u8);
            var before = d.Prop("previousConfiguration"u8);
            b.Field("State", d.Path("state"u8, "value"u8).Text()).Field("Rule", Md.Code(now.Str("alarmRule"u8)), isShort: false);
            if (before.IsObject())
            {
                var changes = now.Scalars().Where(p => before.Str(p.Name) != p.Value)
                    .Select(p => $"{Md.Code(p.Name)}: {before.Str(p.Name) ?? "(none)"} → {p.Value}").ToList();
                b.Section("Changed", changes.Count == 0 ? null : Md.Bullets(changes));
            }
            else
            {
                var settings = now.Scalars().Take(12).Select(p => $"{Md.Code(p.Name)}: {p.Value}").ToList();
                b.Section("Configuration", settings.Count == 0 ? null : Md.Bullets(settings));
            }

            b.Link("Alarm in CloudWatch", CloudWatchAlarm.AlarmLink(e.Region, d.Str("alarmName"u8) ?? string.Empty));
        },
        ThreadKey = (d, e) => $"cloudwatch.alarm/{e.Account}/{e.Region}/{d.Str("alarmName"u8)}",
        Keywords = ["cloudwatch", "alarm"],
    };
}
