using System.Text;
using Crowsnest.Aws.Models;

namespace Crowsnest.Commands.Parse;

/// <summary>Short help texts built from the models (no documentation prose is shipped).</summary>
internal static class HelpText
{
    public static string Usage(ServiceCatalog catalog) =>
        $"Usage: <service> <operation> [--option value ...], as with the AWS CLI (e.g. `cloudwatch describe-alarms --state-value ALARM`). "
        + $"{catalog.ServiceNames.Count} services are known; `<service> help` lists a service's operations.";

    public static string Service(ServiceModel service)
    {
        var sb = new StringBuilder($"`{service.Metadata.CliName}` operations:\n");
        sb.AppendJoin("\n", service.CliOperationNames.Order(StringComparer.Ordinal));
        return sb.ToString();
    }

    public static string Operation(OperationModel operation)
    {
        var sb = new StringBuilder($"`{operation.Service.Metadata.CliName} {operation.CliName}` ({operation.IamAction}, {(operation.IsReadOnly ? "read-only" : "changes resources")})");
        foreach (var a in ArgumentTable.For(operation).Arguments.Values.Where(a => a.FlagValue is not false && !a.HiddenPaginationArgument).OrderBy(a => !a.Required).ThenBy(a => a.CliName, StringComparer.Ordinal))
        {
            sb.Append('\n').Append("  --").Append(a.CliName).Append(" (").Append(Describe(a.Shape)).Append(')').Append(a.Required ? " required" : "");
        }
        if (operation.Paginator is not null)
        {
            sb.Append("\n  --max-items, --starting-token").Append(operation.Paginator.LimitKey is null ? "" : ", --page-size").Append(" (pagination)");
        }
        return sb.ToString();
    }

    private static string Describe(Shape shape) => shape.Type switch
    {
        "list" => $"list of {Describe(shape.Member!)}",
        "structure" => "structure: " + string.Join(",", shape.Members.Keys.Take(6)) + (shape.Members.Count > 6 ? ",…" : ""),
        "boolean" => "flag",
        _ => shape.Type,
    };
}
