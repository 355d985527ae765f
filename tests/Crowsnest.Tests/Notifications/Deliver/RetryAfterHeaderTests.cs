using Crowsnest.Notifications.Deliver;

namespace Crowsnest.Tests.Notifications.Deliver;

public class RetryAfterHeaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 1)]
    [InlineData(" 30 ", 30)]
    [InlineData("120", 120)]
    [InlineData("1.5", 1.5)]
    public void Reads_delay_seconds(string value, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfterHeader.Parse(value, Now));

    [Theory]
    [InlineData("Sat, 28 Nov 2026 12:00:45 GMT", 45)]
    [InlineData("Saturday, 28-Nov-26 12:01:00 GMT", 60)]
    [InlineData("Sat Nov 28 12:00:10 2026", 10)]
    public void Reads_http_dates_relative_to_now(string value, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfterHeader.Parse(value, Now));

    [Fact]
    public void A_date_in_the_past_means_now() =>
        Assert.Equal(TimeSpan.Zero, RetryAfterHeader.Parse("Sat, 28 Nov 2026 11:00:00 GMT", Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1.2.3")]
    [InlineData("12 seconds")]
    [InlineData("Sat, 99 Nov 2026 12:00:00 GMT")]
    public void Garbage_is_ignored(string? value) => Assert.Null(RetryAfterHeader.Parse(value, Now));

    [Fact]
    public void Huge_values_are_capped()
    {
        Assert.Equal(RetryAfterHeader.Longest, RetryAfterHeader.Parse("99999999999999999999", Now));
        Assert.Equal(RetryAfterHeader.Longest, RetryAfterHeader.Parse("Fri, 31 Dec 2100 23:59:59 GMT", Now));
    }
}
