namespace Dome.Cedar.Json;

/// <summary>A template slot used as an expression (<c>{"Slot": "?principal"}</c>).</summary>
internal sealed record EstSlot(string Name) : EstExpr;
