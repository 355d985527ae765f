using System.Text.Json;
using Crowsnest.TestKit.Faults;

namespace Crowsnest.TestKit.Hosting;

/// <summary>
/// The control API every emulator serves under <c>/_emulator/</c>: faults (read, replace, outage, script), the
/// receipt log and its counts, and a reset.
/// </summary>
internal static class ControlEndpoints
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    public static void Map(WebApplication app, EmulatorHost host)
    {
        var control = app.MapGroup("/_emulator");
        control.MapGet("/status", () => Results.Json(Status(host), EmulatorJson.Default.ControlStatus));
        control.MapGet("/faults", () => Results.Json(host.Faults.Settings, EmulatorJson.Default.FaultSettings));
        control.MapPut("/faults", async (HttpContext context, int? seed) =>
        {
            // Reflection-based on purpose: the source generator treats init-only properties like constructor
            // parameters, so fields missing from the request would lose their defaults.
            var settings = await JsonSerializer.DeserializeAsync<FaultSettings>(context.Request.Body, WebJson, context.RequestAborted);
            return Apply(() => host.Faults.Set(settings ?? FaultSettings.None, seed));
        });
        control.MapPost("/faults/outage", (double seconds, double? startInSeconds) =>
            Results.Json(host.Faults.AddOutage(TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(startInSeconds ?? 0)), EmulatorJson.Default.OutageWindow));
        control.MapPost("/faults/script", async (HttpContext context) =>
        {
            var script = await JsonSerializer.DeserializeAsync<ScriptedResponse[]>(context.Request.Body, WebJson, context.RequestAborted);
            host.Faults.Script(script ?? []);
            return Results.NoContent();
        });
        control.MapDelete("/faults", () =>
        {
            host.Faults.Clear();
            return Results.NoContent();
        });
        control.MapGet("/received", (string? platform, string? operation, string? target, bool? accepted, long? after, int? limit) =>
        {
            var records = host.Received.All(r =>
                (platform is null || r.Platform == platform) && (operation is null || r.Operation == operation)
                && (target is null || r.Target == target) && (accepted is null || r.Accepted == accepted)
                && r.Sequence > (after ?? 0));
            return Results.Json(records.Take(limit ?? int.MaxValue).ToList(), EmulatorJson.Default.IReadOnlyListReceivedRequest);
        });
        control.MapGet("/stats", () => Results.Json(host.Received.Stats(), EmulatorJson.Default.ReceiptStats));
        control.MapPost("/reset", (bool? faults) =>
        {
            host.Received.Clear();
            if (faults == true)
            {
                host.Faults.Clear();
            }
            return Results.NoContent();
        });
    }

    private static ControlStatus Status(EmulatorHost host) => new(
        host.BaseUrl.ToString(),
        [.. host.Modules.Select(m => m.Name)],
        host.Faults.Settings,
        host.Faults.Counts.ToDictionary(c => c.Key.ToString(), c => c.Value, StringComparer.Ordinal),
        host.Received.Stats());

    private static IResult Apply(Action change)
    {
        try
        {
            change();
            return Results.NoContent();
        }
        catch (ArgumentException e)
        {
            return Results.Text(e.Message, statusCode: 400);
        }
    }
}
