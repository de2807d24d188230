namespace Dome.Cedar.Json;

/// <summary>An entity reference: a (possibly namespaced) type name and an id, e.g. <c>NS::User::"alice"</c>.</summary>
internal sealed record EstEntityRef(string Type, string Id);
