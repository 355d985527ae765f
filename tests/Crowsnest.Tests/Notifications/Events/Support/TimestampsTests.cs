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
}
