using System.Globalization;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Tests.Notifications.Events.Support;

public sealed class TimestampsTests
{
    [Theory]
    [InlineData("2024-02-17T11:53:08.431+0000", "2024-02-17 11:53:08 UTC")]
    [InlineData("2023-08-04T12: 56: 46.138+0000", "2023-08-04 12:56:46 UTC")]
    [InlineData("2019-10-02T17:20:48Z", "2019-10-02 17:20:48 UTC")]
    [InlineData("Wed Sep 04 16:59:44.356 UTC 2024", "2024-09-04 16:59:44 UTC")]
    [InlineData("Sat, 05 Jun 2016 15:10:09 GMT", "2016-06-05 15:10:09 UTC")]
    [InlineData("Thu, 1 Nov 2018 22:00:00 GMT", "2018-11-01 22:00:00 UTC")]
    [InlineData("Jul 15, 2020 9:39:07 PM", "2020-07-15 21:39:07 UTC")]
    [InlineData("1551225014968", "2019-02-26 23:50:14 UTC")]
    [InlineData("1446744188.595", "2015-11-05 17:23:08 UTC")]
    [InlineData("2019-02-12 15:45:24.091", "2019-02-12 15:45:24 UTC")]
    [InlineData("2016-07-07T20:22Z", "2016-07-07 20:22:00 UTC")]
    public void Odd_formats_are_read(string text, string display) =>
        Assert.Equal(display, Timestamps.Display(text));

    [Theory]
    [InlineData("yyyy-mm-ddThh:mm:ssZ")]
    [InlineData("Tue Jun 18 10:18:42 PDT 2019")]
    [InlineData("sometime")]
    public void Unreadable_timestamps_are_shown_as_sent(string text)
    {
        Assert.Null(Timestamps.Parse(text));
        Assert.Equal(text, Timestamps.Display(text));
    }

    [Theory]
    [InlineData("2024-02-17T11:53:08Z")]
    [InlineData("2024-02-17T11:53:08.4Z")]
    [InlineData("2024-02-17T11:53:08.431+00:00")]
    [InlineData("2024-02-17T11:53:08.431+0000")]
    [InlineData("2024-02-17T11:53:08.123456789Z")]
    [InlineData("2024-02-17 11:53:08")]
    [InlineData("2024-02-29T23:59:59-09:30")]
    [InlineData("2024-01-01T00:30:00+05:45")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    public void The_strict_iso_reader_agrees_with_the_general_parser(string text)
    {
        var general = DateTimeOffset.TryParse(text.EndsWith("+0000", StringComparison.Ordinal) ? text[..^2] + ":00" : text,
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expected);
        var strict = IsoTimestamp.TryParse(text, out var actual);
        if (strict)
        {
            Assert.True(general);
            Assert.Equal(expected.UtcTicks, actual.UtcTicks);
            Assert.Equal(TimeSpan.Zero, actual.Offset);
        }
        else
        {
            // Refused only at the very edges of the calendar and for fractions finer than a tick, which the general
            // parser rounds; the fallbacks then handle them.
            Assert.True(text[..4] is "0001" or "9999" || text.Contains(".123456789", StringComparison.Ordinal));
        }

        Assert.Equal(expected.ToUniversalTime(), Timestamps.Parse(text));
    }

    [Theory]
    [InlineData("2024-02-30T11:53:08Z")]
    [InlineData("2024-13-01T11:53:08Z")]
    [InlineData("2024-02-17T25:53:08Z")]
    [InlineData("2024-02-17T11:53:08.Z")]
    [InlineData("2024-02-17T11:53:08+25:00")]
    [InlineData("2024-02-17T11:53:08 PST")]
    [InlineData("2024-02-17T11:53:0xZ")]
    public void The_strict_iso_reader_refuses_what_is_not_a_valid_time(string text) =>
        Assert.False(IsoTimestamp.TryParse(text, out _));

    [Theory]
    [InlineData("0001-01-01T00:00:00+05:00")]
    [InlineData("0001-01-01T03:00:00.5+14:00")]
    [InlineData("9999-12-31T23:59:59-09:30")]
    [InlineData("9999-12-31T23:59:59.9999999-14:00")]
    public void Times_at_the_edges_of_the_calendar_never_throw(string text)
    {
        Assert.False(IsoTimestamp.TryParse(text, out _));
        _ = Timestamps.Parse(text);
        Assert.NotNull(Timestamps.Display(text));
    }

    [Fact]
    public void Display_writes_the_fixed_utc_form()
    {
        Assert.Equal("0042-03-04 05:06:07 UTC", Timestamps.Format(new DateTimeOffset(42, 3, 4, 7, 6, 7, TimeSpan.FromHours(2))));
        Assert.Equal("2026-12-31 23:59:59 UTC", Timestamps.Format(new DateTimeOffset(2027, 1, 1, 0, 59, 59, TimeSpan.FromHours(1))));
    }
}
