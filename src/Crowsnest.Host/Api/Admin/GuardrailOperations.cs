using System.Text.Json;
using System.Text.Json.Nodes;
using Crowsnest.Host.Hosting;
using Crowsnest.Iam;

namespace Crowsnest.Host.Api.Admin;

/// <summary>
/// The built-in guardrail templates with the ARN to put in <c>GuardrailPolicyArns</c> for each policy and the
/// actions each allows or denies. A policy AWS does not manage gets the customer-managed ARN in the configured
/// account, as AWS Chatbot's console creates it there.
/// </summary>
internal sealed class GuardrailOperations(CrowsnestSettings settings)
{
    public IEnumerable<(string Name, string Uri, ApiHandler Handler)> All()
    {
        yield return ("ListGuardrailTemplates", "/crowsnest/list-guardrail-templates", ListAsync);
    }

    private Task<ApiOutcome> ListAsync(ApiCall call)
    {
        var templates = new JsonArray();
        foreach (var template in PolicyTemplates.All)
        {
            var policies = new JsonArray();
            foreach (var policy in template.Policies)
            {
                var (allowed, denied) = Actions(policy.Json);
                policies.Add(new JsonObject
                {
                    ["Name"] = policy.Name,
                    ["Arn"] = policy.Arn ?? $"arn:aws:iam::{settings.Api.AccountId}:policy/{policy.Name}",
                    ["AllowedActions"] = new JsonArray([.. allowed.Select(a => (JsonNode)a)]),
                    ["DeniedActions"] = new JsonArray([.. denied.Select(a => (JsonNode)a)]),
                    ["ReadOnlyCatalog"] = policy.Json is null,
                });
            }
            templates.Add(new JsonObject { ["Key"] = template.Key, ["DisplayName"] = template.DisplayName, ["Note"] = template.Note, ["Policies"] = policies });
        }
        return Task.FromResult<ApiOutcome>(new JsonObject { ["Templates"] = templates });
    }

    private static (List<string> Allowed, List<string> Denied) Actions(string? json)
    {
        var (allowed, denied) = (new List<string>(), new List<string>());
        if (json is null)
        {
            return (allowed, denied);
        }
        using var document = JsonDocument.Parse(json);
        foreach (var statement in document.RootElement.GetProperty("Statement").EnumerateArray())
        {
            var list = statement.GetProperty("Effect").GetString() == "Deny" ? denied : allowed;
            if (!statement.TryGetProperty("Action", out var action))
            {
                continue;
            }
            if (action.ValueKind == JsonValueKind.String)
            {
                list.Add(action.GetString()!);
            }
            else
            {
                list.AddRange(action.EnumerateArray().Select(a => a.GetString()!));
            }
        }
        return (allowed, denied);
    }
}
