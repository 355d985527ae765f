using Crowsnest.Storage;

namespace Crowsnest.Host.Endpoints;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (the store answers and its schema is current).</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", async (IStore store, CancellationToken ct) =>
        {
            var readiness = await store.CheckReadinessAsync(ct);
            return readiness.Ready
                ? Results.Text($"ready: {readiness.Detail}\n")
                : Results.Text($"not ready: {readiness.Detail}\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
    }
}
