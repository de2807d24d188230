using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Dome.Storage.Azure.Queues;

/// <summary>A message as the Queue service lists it (<c>QueueMessagesList/QueueMessage</c>); peeked messages have no pop receipt.</summary>
internal sealed record QueueWireMessage
{
    public required string MessageId { get; init; }

    public required string? PopReceipt { get; init; }

    public required string MessageText { get; init; }

    public required int DequeueCount { get; init; }

    public required DateTimeOffset InsertionTime { get; init; }

    public required DateTimeOffset? TimeNextVisible { get; init; }

    public static IReadOnlyList<QueueWireMessage> ParseList(string xml)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xml);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException("the queue service answered a message list that is not XML", e);
        }

        return [.. document.Root?.Elements("QueueMessage").Select(Parse) ?? []];
    }

    private static QueueWireMessage Parse(XElement element) => new()
    {
        MessageId = Required(element, "MessageId"),
        PopReceipt = element.Element("PopReceipt")?.Value,
        MessageText = element.Element("MessageText")?.Value ?? string.Empty,
        DequeueCount = int.Parse(Required(element, "DequeueCount"), CultureInfo.InvariantCulture),
        InsertionTime = Time(Required(element, "InsertionTime")),
        TimeNextVisible = element.Element("TimeNextVisible")?.Value is { } next ? Time(next) : null,
    };

    private static string Required(XElement element, string name) =>
        element.Element(name)?.Value ?? throw new InvalidDataException($"the queue service listed a message without `{name}`");

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
