using Crowsnest.Notifications;
using Crowsnest.Notifications.Ingest;
using Crowsnest.Notifications.Recognize;
using Microsoft.Extensions.Time.Testing;

namespace Crowsnest.Tests.Notifications;

/// <summary>The corpus copied into the test output, and what the reader and catalog make of each file.</summary>
internal static class CorpusFiles
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "corpus");

    /// <summary>Every corpus file (relative, '/' separated), SOURCES.md excluded.</summary>
    public static IReadOnlyList<string> All { get; } = Directory
        .EnumerateFiles(Root, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
        .Where(f => f != "SOURCES.md")
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The fake clock's time: every notification read here was received then.</summary>
    public static DateTimeOffset ReceivedAt { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static PayloadReadResult Read(string relativePath)
    {
        var reader = new PayloadReader(new FakeTimeProvider(ReceivedAt));
        return reader.Read(File.ReadAllBytes(Path.Combine(Root, relativePath)));
    }

    /// <summary>The reader's and catalog's verdict: "invalid", "unrecognized", or the event type name(s) of every notification.</summary>
    public static (string Verdict, IReadOnlyList<RecognitionResult> Results) Classify(string relativePath)
    {
        var read = Read(relativePath);
        if (!read.IsValid)
        {
            return ("invalid", []);
        }

        var results = read.Items.Select(i => EventCatalog.Default.Recognize(i.Notification)).ToList();
        var names = results.Select(r => r.TypeName).Distinct().ToList();
        return (string.Join(",", names), results);
    }

    public static Notification Notification(string body, string? subject = null) => new()
    {
        MessageId = "test",
        Source = NotificationSource.Test,
        Body = body,
        Subject = subject,
        ReceivedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };
}
