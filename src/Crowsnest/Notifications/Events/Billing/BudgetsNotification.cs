using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Events.Billing;

/// <summary>AWS Budgets alerts as published to SNS (<c>AWS Budget Notification …</c> text with <c>Budget Name:</c> lines).</summary>
internal sealed class BudgetsNotification : TextEventType
{
    public override string Name => "budgets.notification";

    protected override bool Matches(ParsedPayload payload) =>
        payload.TextStartsWith("AWS Budget Notification")
        || payload.Subject?.StartsWith("AWS Budgets:", StringComparison.Ordinal) == true;

    protected override IReadOnlyDictionary<string, string> Read(string text)
    {
        var fields = TextFields.Colon(text);
        var firstLine = Md.FirstLine(text);
        if (firstLine.StartsWith("AWS Budget Notification ", StringComparison.Ordinal))
        {
            fields["Date"] = firstLine["AWS Budget Notification ".Length..];
        }

        var account = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("AWS Account ", StringComparison.Ordinal));
        if (account is not null)
        {
            fields["Account"] = account["AWS Account ".Length..].Trim();
        }

        var intro = text.Split("\n\n").FirstOrDefault(p => p.Contains("You requested that we alert you", StringComparison.Ordinal));
        if (intro is not null)
        {
            fields["Intro"] = intro.Trim();
        }

        return fields;
    }

    protected override (Severity, string, string, string?, string?, string?, IReadOnlyList<string>?) Describe(IReadOnlyDictionary<string, string> f, ParsedPayload payload)
    {
        var forecast = Get(f, "Alert Type")?.Contains("FORECAST", StringComparison.OrdinalIgnoreCase) == true;
        return (forecast ? Severity.Medium : Severity.High, "aws.budgets", "Budget Notification", Get(f, "Account"), null, Get(f, "Date"), null);
    }

    protected override ChatMessage Render(AwsEvent e, IReadOnlyDictionary<string, string> f)
    {
        var name = Get(f, "Budget Name") ?? "budget";
        var alertType = Get(f, "Alert Type");
        var amount = f.FirstOrDefault(kv => kv.Key.EndsWith(" Amount", StringComparison.Ordinal) && kv.Key != "Budgeted Amount");
        return new MessageBuilder(e, e.Notification.Subject ?? $"AWS Budgets: {name} has exceeded your alert threshold")
            .Summary(Get(f, "Intro"))
            .Field("Budget", name)
            .Field("Type", Get(f, "Budget Type"))
            .Field("Budgeted", Get(f, "Budgeted Amount"))
            .Field("Alert", alertType)
            .Field("Threshold", Get(f, "Alert Threshold"))
            .Field(amount.Key ?? "Amount", amount.Value)
            .Field("Date", Get(f, "Date"))
            .Link("Budgets dashboard", "https://console.aws.amazon.com/billing/home#/budgets")
            .Thread($"budgets/{e.Account}/{name}")
            .Keywords("budgets", "billing", alertType)
            .Build();
    }
}
