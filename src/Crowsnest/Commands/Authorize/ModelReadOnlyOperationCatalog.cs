using System.Collections.Concurrent;
using Crowsnest.Aws.Models;
using Crowsnest.Iam;

namespace Crowsnest.Commands.Authorize;

/// <summary>
/// Answers "is this IAM action read-only?" from the AWS service models: an action is read-only when the operation of
/// that name is (or, for actions IAM names differently, every operation that needs it is), by
/// <see cref="OperationModel.IsReadOnly"/>, which leaves out the reads that reveal secrets. An
/// action no model knows is not read-only, so the ReadOnly guardrail never grants something it cannot name.
/// Answers are cached per action; the first miss on an unusual service prefix loads every model once.
/// </summary>
public sealed class ModelReadOnlyOperationCatalog : IReadOnlyOperationCatalog
{
    private readonly ServiceCatalog _models;
    private readonly ConcurrentDictionary<string, bool> _answers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> _cached;
    private readonly Lazy<ILookup<string, ServiceModel>> _servicesByPrefix;

    /// <summary>A catalog over <paramref name="models"/>.</summary>
    public ModelReadOnlyOperationCatalog(ServiceCatalog models)
    {
        ArgumentNullException.ThrowIfNull(models);
        _models = models;
        _cached = _answers.GetAlternateLookup<ReadOnlySpan<char>>();
        _servicesByPrefix = new(() => models.ServiceNames
            .Select(models.Find)
            .OfType<ServiceModel>()
            .ToLookup(s => IamActions.Prefix(s.Metadata), StringComparer.OrdinalIgnoreCase));
    }

    /// <inheritdoc />
    public bool IsReadOnly(ReadOnlySpan<char> action) =>
        _cached.TryGetValue(action, out var known) ? known : _answers.GetOrAdd(action.ToString(), Decide);

    private bool Decide(string action)
    {
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == action.Length - 1)
        {
            return false;
        }
        var prefix = action[..colon];
        // Most IAM prefixes are also the CLI name (ec2, lambda, cloudwatch); look there before loading every model.
        var operations = _models.Find(prefix.ToLowerInvariant()) is { } likely ? OperationsNeeding(likely, prefix, action) : [];
        if (operations.Count == 0)
        {
            operations = [.. _servicesByPrefix.Value[prefix].SelectMany(s => OperationsNeeding(s, prefix, action))];
        }
        return operations.Count > 0 && operations.All(o => o.IsReadOnly);
    }

    private static List<OperationModel> OperationsNeeding(ServiceModel service, string prefix, string action)
    {
        if (!IamActions.Prefix(service.Metadata).Equals(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }
        var name = action[(prefix.Length + 1)..];
        var direct = service.OperationNames
            .Where(n => n.Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(service.Operation)
            .OfType<OperationModel>()
            .Where(o => o.IamAction.Equals(action, StringComparison.OrdinalIgnoreCase))
            .ToList();
        // Actions IAM names differently from the operation (s3:ListBucket for ListObjectsV2) need the whole service.
        return direct.Count > 0 ? direct : [.. service.OperationNames
            .Select(service.Operation)
            .OfType<OperationModel>()
            .Where(o => o.IamAction.Equals(action, StringComparison.OrdinalIgnoreCase))];
    }
}
