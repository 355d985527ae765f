using System.Text.Json;
using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Events.Config;

/// <summary>
/// AWS Config: configuration item changes, compliance changes, snapshot/history deliveries and rule evaluations,
/// as EventBridge events and as the JSON Config publishes to its SNS topic. The e-mail text forms are <see cref="ConfigText"/>.
/// </summary>
internal sealed class ConfigNotification() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "config.notification",
        Source = "aws.config",
        Matches = p => p.IsJsonObject && p.Source is null && p.Root.Str("messageType"u8) is { } type
            && (type.StartsWith("Configuration", StringComparison.Ordinal) || type.StartsWith("Compliance", StringComparison.Ordinal)
                || type.StartsWith("Oversized", StringComparison.Ordinal) || type.StartsWith("ConfigRules", StringComparison.Ordinal)),
        Title = Title,
        Severity = d => d.Path("newEvaluationResult"u8, "complianceType"u8).Text() switch
        {
            "NON_COMPLIANT" => Severity.High,
            "COMPLIANT" => Severity.Success,
            _ => d.Str("messageType"u8)?.Contains("Failed", StringComparison.Ordinal) == true ? Severity.High : Severity.Info,
        },
        Summary = d => d.Path("newEvaluationResult"u8, "annotation"u8).Text(),
        Fields = [new("Rule", "configRuleName"), new("Resource type", "resourceType"), new("Resource", "resourceId")],
        Extra = Extra,
        Origin = d => (d.Str("awsAccountId"u8) ?? Item(d).Str("awsAccountId"u8, "accountId"u8), d.Str("awsRegion"u8) ?? Item(d).Str("awsRegion"u8), d.Str("notificationCreationTime"u8, "NotificationCreateTime"u8)),
        ThreadKey = (d, e) => ResourceKey(d) is { } key ? $"config/{e.Account}/{e.Region}/{key}" : null,
        Keywords = ["config"],
    };

    private static string Title(JsonElement d, AwsEvent e)
    {
        var item = Item(d);
        var resource = $"{item.Str("resourceType"u8) ?? d.Str("resourceType"u8)} {item.Str("resourceName"u8) ?? item.Str("resourceId"u8) ?? d.Str("resourceId"u8)}".Trim();
        return d.Str("messageType"u8) switch
        {
            "ComplianceChangeNotification" => $"Config rule {d.Str("configRuleName"u8)}: {resource} is {d.Path("newEvaluationResult"u8, "complianceType"u8).Text()}",
            "ConfigurationItemChangeNotification" => $"Config: {resource} {d.Path("configurationItemDiff"u8, "changeType"u8).Text()?.ToLowerInvariant() ?? "changed"}",
            { } other => $"Config: {other}",
            null => $"Config: {e.DetailType}",
        };
    }

    private static void Extra(MessageBuilder b, JsonElement d, AwsEvent e)
    {
        var item = Item(d);
        b.Field("Change", d.Path("configurationItemDiff"u8, "changeType"u8).Text())
            .Field("Resource type", item.Str("resourceType"u8))
            .Code("Resource", item.Str("resourceId"u8))
            .Field("Item status", item.Str("configurationItemStatus"u8))
            .Field("Was", d.Path("oldEvaluationResult"u8, "complianceType"u8).Text())
            .Code("S3 object", d.Str("s3Bucket"u8) is { } bucket ? $"s3://{bucket}/{d.Str("s3ObjectKey"u8)}" : null, isShort: false)
            .Time("Captured", item.Str("configurationItemCaptureTime"u8));
        var changes = d.Path("configurationItemDiff"u8, "changedProperties"u8);
        if (changes.IsObject())
        {
            var lines = changes.EnumerateObject().Take(10).Select(p => $"{Md.Code(p.Name)}: {p.Value.Str("changeType"u8)}").ToList();
            b.Section("Changed properties", lines.Count == 0 ? null : Md.Bullets(lines));
        }

        if (ResourceKey(d) is { } key && Regions.IsCode(e.Region))
        {
            b.Link("Resource timeline", ConsoleLinks.Service(e.Region, "config/home", "#/timeline/" + key));
        }
    }

    private static JsonElement Item(JsonElement d)
    {
        var item = d.Prop("configurationItem"u8);
        return item.ValueKind == JsonValueKind.Array ? item.FirstItem() : item;
    }

    private static string? ResourceKey(JsonElement d)
    {
        var item = Item(d);
        var type = item.Str("resourceType"u8) ?? d.Str("resourceType"u8);
        var id = item.Str("resourceId"u8) ?? d.Str("resourceId"u8);
        return type is null || id is null ? null : $"{type}/{id}";
    }
}
