using System.Collections.Concurrent;
using System.Text.Json;

namespace Crowsnest.Aws.Models;

/// <summary>Turns a member reference (<c>{"shape":"S2", ...}</c> or an inline definition) into a <see cref="Shape"/>.</summary>
internal sealed class ShapeResolver(JsonElement shapes)
{
    private readonly ConcurrentDictionary<string, JsonElement> _named = new(StringComparer.Ordinal);

    public Shape Resolve(JsonElement reference)
    {
        if (reference.TryGetProperty("shape", out var name))
        {
            var definition = _named.GetOrAdd(name.GetString()!, n => shapes.GetProperty(n));
            return new Shape(definition, reference, this);
        }
        return new Shape(reference, default, this);
    }
}
