using System.CommandLine;
using System.Text.Json.Nodes;

namespace Crowsnest.Host.Cli.Admin;

/// <summary>Builds one admin subcommand: the shared connection options, the request body, the output columns.</summary>
internal static class AdminCommand
{
    private static readonly Option<string> Endpoint = new("--endpoint")
    {
        Description = "Crowsnest API URL (env CROWSNEST_ENDPOINT; default http://127.0.0.1:8080).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CROWSNEST_ENDPOINT") ?? "http://127.0.0.1:8080",
    };

    private static readonly Option<string> Token = new("--token")
    {
        Description = "Bearer API token (env CROWSNEST_TOKEN).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CROWSNEST_TOKEN") ?? "",
    };

    private static readonly Option<string> Output = new("--output", "-o")
    {
        Description = "table (default) or json.",
        DefaultValueFactory = _ => "table",
    };

    /// <summary>A command that posts the body built from its options to <paramref name="path"/> and prints the answer.</summary>
    public static Command Create(
        string name,
        string description,
        string path,
        IReadOnlyList<Option> options,
        Func<ParseResult, JsonObject> body,
        string? listMember = null,
        IReadOnlyList<(string Header, Func<JsonNode?, string> Cell)>? columns = null)
    {
        var command = new Command(name, description);
        foreach (var option in options.Append(Endpoint).Append(Token).Append(Output))
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            var token = parse.GetValue(Token);
            var error = parse.InvocationConfiguration.Error;
            if (string.IsNullOrEmpty(token))
            {
                await error.WriteLineAsync("crowsnest: an API token is required (--token or CROWSNEST_TOKEN).");
                return 2;
            }
            using var client = new AdminClient(parse.GetValue(Endpoint)!, token);
            var (result, failure) = await client.PostAsync(path, body(parse), cancellationToken);
            if (result is null)
            {
                await error.WriteLineAsync($"crowsnest: {failure}");
                return 1;
            }
            AdminOutput.Write(parse.InvocationConfiguration.Output, parse.GetValue(Output)!, result, listMember, columns ?? []);
            return 0;
        });
        return command;
    }

    /// <summary>Sets a member when the option was given.</summary>
    public static void Set(JsonObject body, string member, ParseResult parse, Option<string> option)
    {
        if (parse.GetValue(option) is { } value)
        {
            body[member] = value;
        }
    }

    /// <summary>Sets a list member when the option was given at least once.</summary>
    public static void SetList(JsonObject body, string member, ParseResult parse, Option<string[]> option)
    {
        if (parse.GetValue(option) is { Length: > 0 } values)
        {
            body[member] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
        }
    }
}
