using Crowsnest.Channels.Rendering;

namespace Crowsnest.Channels.Teams;

/// <summary>Card parts: facts, image and the context line.</summary>
internal sealed partial class TeamsCardWriter
{
    private void Fields()
    {
        var facts = 0;
        var inFactSet = false;
        foreach (var field in m.Fields)
        {
            if (facts >= TeamsLimits.MaxFacts || _text < MinUsefulText)
            {
                Trimmed = true;
                break;
            }
            if (!field.IsShort)
            {
                EndFactSet(ref inFactSet);
                if (Markdown(field.Label, field.Value))
                    TextBlock(scratch.Text.Span);
                continue;
            }
            if (!inFactSet)
            {
                w.WriteStartObject();
                w.WriteString("type", "FactSet");
                w.WriteStartArray("facts");
                inFactSet = true;
            }
            w.WriteStartObject();
            w.WriteString("title", PlainText.Fit(field.Label, 200, scratch.Text2, singleLine: true));
            _text -= Math.Min(field.Label.Length, 200);
            var hasValue = Markdown(null, field.Value);
            w.WriteString("value", hasValue ? scratch.Text.Span : "-");
            w.WriteEndObject();
            facts++;
        }
        EndFactSet(ref inFactSet);
    }

    private void EndFactSet(ref bool inFactSet)
    {
        if (!inFactSet)
            return;
        w.WriteEndArray();
        w.WriteEndObject();
        inFactSet = false;
    }

    private void Image()
    {
        if (!SafeUrl.IsAllowed(o.ImageUrl) || !o.ImageUrl!.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return;
        w.WriteStartObject();
        w.WriteString("type", "Image");
        w.WriteString("url", o.ImageUrl);
        w.WriteString("altText", PlainText.Fit(m.Image?.AltText ?? m.Title, 300, scratch.Text2, singleLine: true));
        w.WriteEndObject();
    }

    private void Meta()
    {
        var buffer = scratch.Text;
        buffer.Reset(600);
        PlainText.AppendFitted(buffer, m.EventType.AsSpan(0, Math.Min(m.EventType.Length, 100)), singleLine: true);
        if (!string.IsNullOrEmpty(m.Account))
        {
            buffer.TryAppend(" \u00B7 Account ");
            buffer.AppendPartial(m.Account.AsSpan(0, Math.Min(m.Account.Length, 64)));
        }
        if (!string.IsNullOrEmpty(m.Region))
        {
            buffer.TryAppend(" \u00B7 ");
            buffer.AppendPartial(m.Region.AsSpan(0, Math.Min(m.Region.Length, 64)));
        }
        if (m.OccurredAt is { } at)
        {
            buffer.TryAppend(" \u00B7 ");
            PlainText.TryAppendTime(buffer, at);
        }
        if (m.IsGeneric)
            buffer.TryAppend(" \u00B7 generic rendering");
        if (Trimmed)
            buffer.TryAppend(" \u00B7 shortened to fit Teams' limits");
        TextBlock(buffer.Span, subtle: true);
    }
}
