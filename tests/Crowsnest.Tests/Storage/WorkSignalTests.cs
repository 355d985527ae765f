using Crowsnest.Storage;

namespace Crowsnest.Tests.Storage;

public sealed class WorkSignalTests
{
    [Fact]
    public void An_armed_wait_completes_at_the_next_set_and_wakes_every_waiter()
    {
        var signal = new WorkSignal();
        var first = signal.Arm();
        var second = signal.Arm();
        Assert.Same(first, second);
        Assert.False(first.IsCompleted);

        signal.Set();

        Assert.True(first.IsCompleted);
        Assert.True(second.IsCompleted);
    }

    [Fact]
    public void A_set_before_arming_is_consumed_so_the_next_arm_waits_for_new_work()
    {
        var signal = new WorkSignal();
        signal.Set();

        var armed = signal.Arm();

        Assert.False(armed.IsCompleted);
        signal.Set();
        Assert.True(armed.IsCompleted);
    }

    [Fact]
    public async Task A_set_during_a_pass_is_not_lost_between_the_pass_and_the_wait()
    {
        var signal = new WorkSignal();
        var armed = signal.Arm();
        await Task.Run(signal.Set); // the commit lands while the pass is still looking

        var woken = await Task.WhenAny(armed, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.Same(armed, woken);
    }
}
