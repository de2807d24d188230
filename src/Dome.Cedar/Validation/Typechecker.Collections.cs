using Dome.Cedar.Schema.Types;
using Dome.Cedar.Syntax;

namespace Dome.Cedar.Validation;

/// <summary>Set and record literals, and extension function calls.</summary>
internal sealed partial class Typechecker
{
    private Typed CheckSet(SetExpr e, CapabilitySet prior)
    {
        var items = e.Elements.Select(element => Check(element, prior)).ToList();
        return SetOf(items, e.Elements.Length == 0, e);
    }

    private Typed SetOf(List<Typed> items, bool empty, Expr at)
    {
        bool ok = items.All(i => i.Ok);
        if (items.Any(i => i.Type is null))
        {
            return Typed.Fail();
        }

        var lub = Bound(at, items.Select(i => i.Type!).ToList(), "the set's elements");
        if (empty)
        {
            Error(at, "empty-set-forbidden", "empty set literals are forbidden in policies");
            return Typed.Fail();
        }

        return lub is null ? Typed.Fail() : Typed.Success(new SetType(lub)).And(ok);
    }

    private Typed CheckRecord(RecordExpr e, CapabilitySet prior)
    {
        var attrs = new SortedDictionary<string, AttributeType>(StringComparer.Ordinal);
        bool ok = true;
        bool typed = true;
        for (int i = 0; i < e.Keys.Length; i++)
        {
            var value = Check(e.Values[i], prior);
            ok &= value.Ok;
            if (value.Type is null)
            {
                typed = false;
                continue;
            }

            attrs[e.Keys[i]] = new AttributeType(value.Type, true);
        }

        return typed ? Typed.Success(new RecordType(attrs)).And(ok) : Typed.Fail();
    }

    private Typed CheckCall(ExtensionCallExpr e, CapabilitySet prior)
    {
        var signature = ExtensionSignature.Find(e.Function.Name);
        if (signature is null)
        {
            Error(e, "undefined-function", $"undefined extension function `{e.Function.Name}`");
            CheckAll(e.Arguments, prior);
            return Typed.Fail();
        }

        bool failed = false;
        if (e.Arguments.Length != signature.Arguments.Length)
        {
            Error(e, "wrong-number-of-arguments",
                $"wrong number of arguments to `{signature.Name}`: expected {signature.Arguments.Length}, got {e.Arguments.Length}");
            failed = true;
        }

        if (signature.CheckLiteral is { } check)
        {
            if (e.Arguments is [LiteralExpr { Value: Evaluation.StringValue text }] && check(text.Value) is { } problem)
            {
                Error(e, "invalid-extension-argument", $"invalid argument to `{signature.Name}`: {problem}");
                failed = true;
            }

            if (!e.Arguments.All(a => a is LiteralExpr { Value: Evaluation.BoolValue or Evaluation.LongValue or Evaluation.StringValue or Evaluation.EntityValue }))
            {
                Error(e, "non-literal-extension-constructor",
                    $"extension constructor `{signature.Name}` must be called with a literal argument in strict validation");
                failed = true;
            }
        }

        if (failed)
        {
            CheckAll(e.Arguments, prior);
            return Typed.Fail(signature.Returns);
        }

        bool ok = true;
        for (int i = 0; i < e.Arguments.Length; i++)
        {
            var expected = signature.Arguments[i];
            ok &= Expect(e.Arguments[i], prior, t => TypeLattice.IsSubtype(t, expected), $"`{expected.Display}`").Ok;
        }

        return Typed.Success(signature.Returns).And(ok);
    }

    private void CheckAll(Expr[] expressions, CapabilitySet prior)
    {
        foreach (var expression in expressions)
        {
            Check(expression, prior);
        }
    }
}
