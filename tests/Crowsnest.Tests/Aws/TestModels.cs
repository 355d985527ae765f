using Crowsnest.Aws.Models;

namespace Crowsnest.Tests.Aws;

/// <summary>The generated AWS models, shared by all tests; a clear failure when scripts/models has not run.</summary>
internal static class TestModels
{
    private static readonly Lazy<ServiceCatalog> Lazy = new(() =>
    {
        var dir = ModelLocator.Find();
        if (!File.Exists(Path.Combine(dir, "index.json")))
        {
            throw new InvalidOperationException(
                $"The AWS service models were not generated (looked in '{dir}'). Run `scripts/models` from the repository root first (needs the npm registry once).");
        }
        return ServiceCatalog.Open(dir);
    });

    public static ServiceCatalog Catalog => Lazy.Value;
}
