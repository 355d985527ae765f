namespace Crowsnest.Tests.Notifications.Ingest;

/// <summary>Finds the repository's test data (tests/Crowsnest.Tests/TestData) from the test's output folder.</summary>
internal static class IngestTestData
{
    public static string CorpusFile(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(directory.FullName, "TestData", "corpus"), Path.Combine(directory.FullName, "tests", "Crowsnest.Tests", "TestData", "corpus") })
            {
                var path = Path.Combine(candidate, relative);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }
        throw new FileNotFoundException($"test data {relative} not found above {AppContext.BaseDirectory}");
    }

    public static string NewDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "crowsnest-ingest-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
