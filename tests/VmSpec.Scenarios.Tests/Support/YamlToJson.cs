using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VmSpec.Scenarios.Tests.Support;

/// <summary>
/// Turns a YAML document into JSON the way an editor's YAML language server sees it: plain
/// true/false are booleans, plain decimal integers are numbers, empty/~/null is null, and
/// everything else (0x8000_0000, 4KiB, quoted text) is a string.
/// </summary>
internal static class YamlToJson
{
    public static JToken Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? JValue.CreateNull() : Convert(stream.Documents[0].RootNode);
    }

    private static JToken Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JObject(mapping.Children.Select(c => new JProperty(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode sequence => new JArray(sequence.Children.Select(Convert)),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static JToken Scalar(YamlScalarNode scalar)
    {
        string value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain) return new JValue(value);
        if (value is "" or "~" or "null") return JValue.CreateNull();
        if (value is "true" or "false") return new JValue(value == "true");
        if (long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number)) return new JValue(number);
        return new JValue(value);
    }
}
