namespace Crowsnest.TestKit.Hosting;

/// <summary>One platform's endpoints on an <see cref="EmulatorHost"/>.</summary>
public interface IEmulatorModule
{
    /// <summary>The module's name in the control API (<c>slack</c>, <c>teams</c>, <c>chime</c>, <c>webhook</c>).</summary>
    string Name { get; }

    /// <summary>Maps the platform endpoints and the module's own <c>/_emulator/{Name}/…</c> control endpoints.</summary>
    void Map(WebApplication app, EmulatorHost host);
}
