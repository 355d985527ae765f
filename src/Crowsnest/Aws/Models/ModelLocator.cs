namespace Crowsnest.Aws.Models;

/// <summary>Finds the generated models: <c>CROWSNEST_MODELS_DIR</c>, else the nearest <c>models/generated</c> above the app or the working directory.</summary>
public static class ModelLocator
{
    public const string EnvironmentVariable = "CROWSNEST_MODELS_DIR";

    public static string Find()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "models", "generated");
                if (File.Exists(Path.Combine(candidate, "index.json")))
                {
                    return candidate;
                }
            }
        }
        return Path.Combine(Directory.GetCurrentDirectory(), "models", "generated");
    }
}
