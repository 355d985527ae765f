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
        Matches = p => p.IsJsonObject && p.Source is null && p.Root.Str("messageType") is { } type
            && (type.StartsWith("Configuration", StringComparison.Ordinal) || type.StartsWith("Compliance", StringComparison.Ordinal)
                || type.StartsWith("Oversized", StringComparison.Ordinal) || type.StartsWith("ConfigRules", StringComparison.Ordinal)),
        Title = Title,
        Severity = d => d.Path("newEvaluationResult", "complianceType").Text() switch
        {
            "NON_COMPLIANT" => Severity.High,
            "COMPLIANT" => Severity.Success,
            _ => d.Str("messageType")?.Contains("Failed", StringComparison.Ordinal) == true ? Severity.High : Severity.Info,
        },
        Summary = d => d.Path("newEvaluationResult", "annotation").Text(),
        Fields = [new("Rule", "configRuleName"), new("Resource type", "resourceType"), new("Resource", "resourceId")],
        Extra = Extra,
        Origin = d => (d.Str("awsAccountId") ?? Item(d).Str("awsAccountId", "accountId"), d.Str("awsRegion") ?? Item(d).Str("awsRegion"), d.Str("notificationCreationTime", "NotificationCreateTime")),
        ThreadKey = (d, e) => ResourceKey(d) is { } key ? $"config/{e.Account}/{e.Region}/{key}" : null,
        Keywords = ["config"],
    };

    private static string Title(JsonElement d, AwsEvent e)
    {
        var item = Item(d);
        var resource = $"{item.Str("resourceType") ?? d.Str("resourceType")} {item.Str("resourceName") ?? item.Str("resourceId") ?? d.Str("resourceId")}".Trim();
        return d.Str("messageType") switch
        {
            "ComplianceChangeNotification" => $"Config rule {d.Str("configRuleName")}: {resource} is {d.Path("newEvaluationResult", "complianceType").Text()}",
            "ConfigurationItemChangeNotification" => $"Config: {resource} {d.Path("configurationItemDiff", "changeType").Text()?.ToLowerInvariant() ?? "changed"}",
            { } other => $"Config: {other}",
            null => $"Config: {e.DetailType}",
        };
    }

    private static void Extra(MessageBuilder b, JsonElement d, AwsEvent e)
    {
        var item = Item(d);
        b.Field("Change", d.Path("configurationItemDiff", "changeType").Text())
            .Field("Resource type", item.Str("resourceType"))
            .Code("Resource", item.Str("resourceId"))
            .Field("Item status", item.Str("configurationItemStatus"))
            .Field("Was", d.Path("oldEvaluationResult", "complianceType").Text())
            .Code("S3 object", d.Str("s3Bucket") is { } bucket ? $"s3://{bucket}/{d.Str("s3ObjectKey")}" : null, isShort: false)
            .Time("Captured", item.Str("configurationItemCaptureTime"));
        var changes = d.Path("configurationItemDiff", "changedProperties");
        if (changes.IsObject())
        {
            var lines = changes.EnumerateObject().Take(10).Select(p => $"{Md.Code(p.Name)}: {p.Value.Str("changeType")}").ToList();
            b.Section("Changed properties", lines.Count == 0 ? null : Md.Bullets(lines));
        }

        if (ResourceKey(d) is { } key && Regions.IsCode(e.Region))
        {
            b.Link("Resource timeline", ConsoleLinks.Service(e.Region, "config/home", "#/timeline/" + key));
        }
    }

    private static JsonElement Item(JsonElement d)
    {
        var item = d.Prop("configurationItem");
        return item.ValueKind == JsonValueKind.Array ? item.Items().FirstOrDefault() : item;
    }

    private static string? ResourceKey(JsonElement d)
    {
        var item = Item(d);
        var type = item.Str("resourceType") ?? d.Str("resourceType");
        var id = item.Str("resourceId") ?? d.Str("resourceId");
        return type is null || id is null ? null : $"{type}/{id}";
    }
}
