using Crowsnest.Messages;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Tests.Notifications.Events;

/// <summary>Recognises a corpus file or a body and checks the type, returning the event and its rendering.</summary>
internal static class EventAssert
{
    public static (AwsEvent Event, ChatMessage Message) Corpus(string relativePath, string expectedType, int item = 0)
    {
        var read = CorpusFiles.Read(relativePath);
        Assert.True(read.IsValid, read.Error);
        return Recognized(EventCatalog.Default.Recognize(read.Items[item].Notification), expectedType);
    }

    public static (AwsEvent Event, ChatMessage Message) Body(string body, string expectedType, string? subject = null) =>
        Recognized(EventCatalog.Default.Recognize(CorpusFiles.Notification(body, subject)), expectedType);

    public static MessageField Field(ChatMessage message, string label) =>
        Assert.Single(message.Fields, f => f.Label == label);

    public static MessageSection Section(ChatMessage message, string heading) =>
        Assert.Single(message.Sections, s => s.Heading == heading);

    private static (AwsEvent, ChatMessage) Recognized(RecognitionResult result, string expectedType)
    {
        Assert.Equal(expectedType, result.TypeName);
        var message = result.Render()!;
        return (result.Event!, message);
    }
}
