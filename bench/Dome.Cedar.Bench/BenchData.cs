using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dome.Cedar.Bench;

/// <summary>
/// The benchmark data, built the same way on every run (fixed seed): a small set (10 policies,
/// 100 entities), a large set (1,000 policies, mostly scoped to one principal and one resource),
/// and 10,000 requests against the small set for the batch comparison.
/// </summary>
internal static class BenchData
{
    private static readonly string[] Departments = ["eng", "sales", "ops", "hr"];
    private static readonly string[] DocTags = ["public", "internal", "secret", "draft"];

    private const string SmallPolicies = """
        permit (principal in Group::"g0", action == Action::"read", resource in Folder::"f0");
        permit (principal, action == Action::"read", resource) when { resource.owner == principal };
        permit (principal in Group::"g1", action in [Action::"read", Action::"write"], resource is Doc)
        when { principal.level >= resource.classification };
        forbid (principal, action == Action::"write", resource) when { resource has locked && resource.locked };
        permit (principal is User, action == Action::"read", resource is Doc)
        when { principal.department == "eng" && resource.tags.contains("public") };
        forbid (principal, action, resource) unless { principal has active && principal.active };
        permit (principal == User::"u3", action, resource in Folder::"f2");
        permit (principal in Group::"g2", action == Action::"read", resource)
        when { context.mfa && context.ip.isInRange(ip("10.0.0.0/8")) };
        forbid (principal, action, resource) when { context has risk && context.risk > 80 };
        permit (principal, action == Action::"write", resource is Doc)
        when { resource.owner == principal && context.time < datetime("2030-01-01") };
        """;

    public const string Context =
        """{"mfa":true,"ip":{"__extn":{"fn":"ip","arg":"10.1.2.3"}},"risk":10,"time":{"__extn":{"fn":"datetime","arg":"2026-11-22T05:00:00Z"}}}""";

    /// <summary>10 policies, 100 entities (10 groups, 40 users, 8 folders, 40 documents, 2 actions).</summary>
    public static BenchScenario Small() => new()
    {
        Name = "small",
        Policies = SmallPolicies,
        EntitiesJson = Entities(groups: 10, users: 40, folders: 8, docs: 40),
        Requests = [new BenchRequest("User", "u7", "read", "Doc", "d12", Context)],
    };

    /// <summary>1,000 policies, 85% scoped to one user and one document; 652 entities.</summary>
    public static BenchScenario Large()
    {
        var random = new Random(1000);
        var policies = new StringBuilder();
        for (var i = 0; i < 1000; i++)
        {
            var user = random.Next(300);
            var doc = random.Next(300);
            var kind = random.Next(100);
            if (i == 0)
            {
                // The benchmarked request (u7 reads d12) is decided by this policy, among 999 others.
                user = 7;
                doc = 12;
                kind = 0;
            }

            policies.AppendLine(kind switch
            {
                < 85 => $"permit (principal == User::\"u{user}\", action == Action::\"{(kind % 2 == 0 ? "read" : "write")}\", resource == Doc::\"d{doc}\") when {{ context.mfa }};",
                < 90 => $"permit (principal == User::\"u{user}\", action, resource in Folder::\"f{doc % 30}\") when {{ principal.level > 2 }};",
                < 95 => $"permit (principal in Group::\"g{user % 20}\", action == Action::\"read\", resource == Doc::\"d{doc}\");",
                < 99 => $"forbid (principal, action == Action::\"write\", resource == Doc::\"d{doc}\") when {{ resource.locked }};",
                _ => "forbid (principal, action, resource) when { context.risk > 90 };",
            });
        }

        return new BenchScenario
        {
            Name = "large",
            Policies = policies.ToString(),
            EntitiesJson = Entities(groups: 20, users: 300, folders: 30, docs: 300),
            Requests = [new BenchRequest("User", "u7", "read", "Doc", "d12", Context)],
        };
    }

    /// <summary>The small set with <paramref name="count"/> varied requests (users, actions, documents, contexts).</summary>
    public static BenchScenario Batch(int count)
    {
        var random = new Random(10_000);
        var requests = new List<BenchRequest>(count);
        for (var i = 0; i < count; i++)
        {
            var mfa = random.Next(2) == 0 ? "true" : "false";
            var network = random.Next(2) == 0 ? "10" : "192";
            var host = random.Next(255).ToString(CultureInfo.InvariantCulture);
            var risk = random.Next(100).ToString(CultureInfo.InvariantCulture);
            var context = "{\"mfa\":" + mfa + ",\"ip\":{\"__extn\":{\"fn\":\"ip\",\"arg\":\"" + network + ".0.0." + host
                + "\"}},\"risk\":" + risk + ",\"time\":{\"__extn\":{\"fn\":\"datetime\",\"arg\":\"2026-11-22T05:00:00Z\"}}}";
            requests.Add(new BenchRequest(
                "User", "u" + random.Next(40).ToString(CultureInfo.InvariantCulture),
                random.Next(2) == 0 ? "read" : "write",
                "Doc", "d" + random.Next(40).ToString(CultureInfo.InvariantCulture),
                context));
        }

        return Small() with { Name = "batch", Requests = requests };
    }

    private static string Entities(int groups, int users, int folders, int docs)
    {
        var random = new Random(users * 31 + docs);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            for (var g = 0; g < groups; g++)
            {
                Entity(writer, "Group", "g" + g, [], _ => { });
            }

            for (var u = 0; u < users; u++)
            {
                // u7 is in g0 and g2, so the benchmarked request meets several policies.
                List<(string, string)> parents = u == 7
                    ? [("Group", "g0"), ("Group", "g2")]
                    : [("Group", "g" + random.Next(groups)), ("Group", "g" + random.Next(groups))];
                var department = Departments[random.Next(Departments.Length)];
                var level = random.Next(6);
                var active = u == 7 || random.Next(10) > 0;
                Entity(writer, "User", "u" + u, parents, w =>
                {
                    w.WriteString("department", department);
                    w.WriteNumber("level", level);
                    w.WriteBoolean("active", active);
                    w.WriteString("email", "u" + u + "@example.com");
                });
            }

            for (var f = 0; f < folders; f++)
            {
                Entity(writer, "Folder", "f" + f, f == 0 ? [] : [("Folder", "f0")], _ => { });
            }

            for (var d = 0; d < docs; d++)
            {
                var owner = "u" + random.Next(users);
                var classification = random.Next(6);
                var locked = random.Next(5) == 0 && d != 12;
                var tag = DocTags[random.Next(DocTags.Length)];
                Entity(writer, "Doc", "d" + d, [("Folder", "f" + random.Next(folders))], w =>
                {
                    w.WriteStartObject("owner");
                    w.WriteStartObject("__entity");
                    w.WriteString("type", "User");
                    w.WriteString("id", owner);
                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteNumber("classification", classification);
                    w.WriteBoolean("locked", locked);
                    w.WriteStartArray("tags");
                    w.WriteStringValue(tag);
                    w.WriteEndArray();
                });
            }

            Entity(writer, "Action", "read", [], _ => { });
            Entity(writer, "Action", "write", [], _ => { });
            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Entity(Utf8JsonWriter writer, string type, string id, List<(string Type, string Id)> parents, Action<Utf8JsonWriter> attributes)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("uid");
        writer.WriteString("type", type);
        writer.WriteString("id", id);
        writer.WriteEndObject();
        writer.WriteStartObject("attrs");
        attributes(writer);
        writer.WriteEndObject();
        writer.WriteStartArray("parents");
        foreach (var (parentType, parentId) in parents.Distinct())
        {
            writer.WriteStartObject();
            writer.WriteString("type", parentType);
            writer.WriteString("id", parentId);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
