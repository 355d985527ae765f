using System.Text.Json.Nodes;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Tests.Notifications.Events;

/// <summary>
/// Missing or odd fields never throw: every JSON notification of the corpus is damaged in several ways (scalars
/// nulled, scalars turned into other types, objects emptied) and must still recognise and render with a title.
/// </summary>
public sealed class DamagedPayloadTests
{
    public static TheoryData<string> Damages => ["null-scalars", "numbers-to-strings", "strings-to-numbers", "empty-objects", "empty-arrays"];

    [Theory]
    [MemberData(nameof(Damages))]
    public void Damaged_corpus_payloads_still_render(string damage)
    {
        var checkedCount = 0;
        foreach (var file in CorpusFiles.All)
        {
            var read = CorpusFiles.Read(file);
            if (!read.IsValid)
            {
                continue;
            }

            foreach (var item in read.Items)
            {
                JsonNode? node;
                try
                {
                    node = JsonNode.Parse(item.Notification.Body);
                }
                catch (System.Text.Json.JsonException)
                {
                    continue;
                }

                if (node is not JsonObject root)
                {
                    continue;
                }

                Damage(root, damage, depth: 0);
                var result = EventCatalog.Default.Recognize(item.Notification with { Body = root.ToJsonString() });
                var message = result.Render();
                Assert.True(message is not null || result.Reason is not null, $"{file} ({damage}): neither a message nor a reason");
                if (message is not null)
                {
                    Assert.False(string.IsNullOrWhiteSpace(message.Title), $"{file} ({damage}): empty title");
                }

                checkedCount++;
            }
        }

        Assert.True(checkedCount > 120, $"only {checkedCount} payloads checked");
    }

    private static void Damage(JsonNode node, string damage, int depth)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    // Keep the envelope's routing fields so the damage reaches each type's own parsing.
                    if (depth == 0 && key is "source" or "detail-type" or "detailType" or "version")
                    {
                        continue;
                    }

                    if (Replace(obj[key], damage, depth, out var replacement))
                    {
                        obj[key] = replacement;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Replace(array[i], damage, depth, out var replacement))
                    {
                        array[i] = replacement;
                    }
                }

                break;
            default:
                break;
        }
    }

    /// <summary>Decides a node's replacement; containers that are kept are damaged in place.</summary>
    private static bool Replace(JsonNode? value, string damage, int depth, out JsonNode? replacement)
    {
        replacement = null;
        switch (value)
        {
            case JsonObject when damage == "empty-objects" && depth >= 1:
                replacement = new JsonObject();
                return true;
            case JsonArray when damage == "empty-arrays":
                replacement = new JsonArray();
                return true;
            case JsonObject or JsonArray:
                Damage(value, damage, depth + 1);
                return false;
            case JsonValue scalar when damage == "null-scalars":
                return true;
            case JsonValue scalar when damage == "numbers-to-strings" && scalar.TryGetValue<double>(out var number):
                replacement = JsonValue.Create(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return true;
            case JsonValue scalar when damage == "strings-to-numbers" && scalar.TryGetValue<string>(out _):
                replacement = JsonValue.Create(42);
                return true;
            default:
                return false;
        }
    }
}
