using System.Text.Json.Serialization;
using Crowsnest.TestKit.Faults;
using Crowsnest.TestKit.Recording;

namespace Crowsnest.TestKit.Hosting;

/// <summary>Source-generated JSON for the control API.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FaultSettings))]
[JsonSerializable(typeof(ScriptedResponse[]))]
[JsonSerializable(typeof(OutageWindow))]
[JsonSerializable(typeof(IReadOnlyList<ReceivedRequest>))]
[JsonSerializable(typeof(ReceiptStats))]
[JsonSerializable(typeof(ControlStatus))]
public sealed partial class EmulatorJson : JsonSerializerContext;

/// <summary>The answer of <c>GET /_emulator/status</c>.</summary>
public sealed record ControlStatus(string BaseUrl, IReadOnlyList<string> Modules, FaultSettings Faults, IReadOnlyDictionary<string, long> FaultCounts, ReceiptStats Stats);
