using Dome.Cedar;
using Dome.Cedar.Evaluation;

namespace Dome.Gateway.Policy;

/// <summary>
/// An act-as call's end user as Cedar sees it: the <c>Dome::User</c> uid, its value for <c>context.user</c> and the store of
/// its one entity. Immutable; <see cref="Describes"/> tells whether a call's user facts are still these.
/// </summary>
internal sealed class UserEntities
{
    private readonly UserFacts facts;

    private UserEntities(UserFacts facts, EntityValue value, EntityStore entities)
    {
        this.facts = facts;
        Value = value;
        Entities = entities;
    }

    public EntityValue Value { get; }

    public EntityStore Entities { get; }

    public static UserEntities Build(UserFacts user)
    {
        var uid = new EntityUid(CedarRequestBuilder.UserType, user.Id);
        var attributes = CedarEntityCache.Attributes(3);
        attributes["groups"] = CedarEntityCache.Strings(user.Groups);
        if (user.Email is not null)
        {
            attributes["email"] = new StringValue(user.Email);
        }

        if (user.Customer is not null)
        {
            attributes["customer"] = new StringValue(user.Customer);
        }

        var entities = new EntityStoreBuilder(1).Add(uid, attributes).Build();

        // :: Keep a copy of the facts with their own group list, so a caller changing its list cannot make a stale entry look current.
        return new UserEntities(user with { Groups = [.. user.Groups] }, new EntityValue(uid), entities);
    }

    /// <summary>Whether <paramref name="user"/> (of the same tenant) has exactly the facts these entities were built from.</summary>
    public bool Describes(UserFacts user) =>
        string.Equals(user.Id, facts.Id, StringComparison.Ordinal)
        && string.Equals(user.Email, facts.Email, StringComparison.Ordinal)
        && string.Equals(user.Customer, facts.Customer, StringComparison.Ordinal)
        && CedarEntityCache.SameStrings(user.Groups, facts.Groups);
}
