using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crowsnest.Notifications.Actions;

/// <summary>Source-generated JSON for variable values (compact objects and arrays).</summary>
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ActionsJson : JsonSerializerContext;
