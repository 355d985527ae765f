using System.Collections.Concurrent;
using Crowsnest.Aws.Models;

namespace Crowsnest.Commands.Parse;

/// <summary>One CLI option of an operation: the model member it fills, and for booleans which value the flag sets.</summary>
public sealed record Argument(string CliName, string Member, Shape Shape, bool Required, bool? FlagValue, bool HiddenPaginationArgument);

/// <summary>The CLI options of one operation, built from its input shape once and cached.</summary>
public sealed class ArgumentTable
{
    private static readonly ConcurrentDictionary<OperationModel, ArgumentTable> Cache = new();

    private ArgumentTable(Dictionary<string, Argument> arguments) => Arguments = arguments;

    public IReadOnlyDictionary<string, Argument> Arguments { get; }

    public static ArgumentTable For(OperationModel operation) => Cache.GetOrAdd(operation, Build);

    private static ArgumentTable Build(OperationModel operation)
    {
        var arguments = new Dictionary<string, Argument>(StringComparer.Ordinal);
        if (operation.Input is not { } input)
        {
            return new ArgumentTable(arguments);
        }
        var service = operation.Service.Metadata.CliName;
        var paginator = operation.Paginator;
        foreach (var (member, shape) in input.Members)
        {
            var required = input.Required.Contains(member) && !shape.IdempotencyToken;
            var hidden = paginator is not null && (paginator.InputTokens.Contains(member) || paginator.LimitKey == member);
            var name = CliArgumentRenames.Apply(service, operation.CliName, CliNames.FromApiName(member));
            if (shape.Type == "boolean")
            {
                arguments[name] = new Argument(name, member, shape, required, true, hidden);
                var negated = CliArgumentRenames.Apply(service, operation.CliName, "no-" + CliNames.FromApiName(member));
                arguments[negated] = new Argument(negated, member, shape, required, false, hidden);
            }
            else
            {
                arguments[name] = new Argument(name, member, shape, required, null, hidden);
            }
        }
        return new ArgumentTable(arguments);
    }
}
