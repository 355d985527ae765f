using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Other;

/// <summary>"Tag Change on Resource": which tag keys changed and the tags now.</summary>
internal sealed class TagChange() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "tag.change",
        Source = "aws.tag",
        Title = (d, e) => $"Tags changed on {d.Str("service"u8)} {d.Str("resource-type"u8)} {Arn.Parse(e.Resources.FirstOrDefault())?.ResourceName}".TrimEnd(),
        Fields = [new("Service", "service"), new("Resource type", "resource-type")],
        Extra = (b, d, e) =>
        {
            b.Field("Changed keys", string.Join(", ", d.Strings("changed-tag-keys"u8)), isShort: false)
                .Section("Tags now", Md.Bullets(d.Prop("tags"u8).Scalars().Select(t => $"{Md.Code(t.Name)} = {t.Value}")));
            if (e.Resources.FirstOrDefault() is { } resource)
            {
                b.Link(Arn.Parse(resource)?.ResourceName ?? resource, ConsoleLinks.ForArn(resource));
            }
        },
        Keywords = ["tags"],
    };
}
