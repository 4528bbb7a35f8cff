using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using VmSpec.Scenarios;

namespace VmSpec.Generators.Emit
{
    /// <summary>
    /// Writes a scenario model value as the C# expression that constructs it. It walks the records by
    /// their primary constructors, so a step or field added to VmSpec.Scenarios is emitted without
    /// touching the generator. The scenario's own fields come one per line as named arguments
    /// (<c>Id: "...",</c> <c>Mmu: ...,</c>), so the header of a generated file reads like the YAML's top
    /// level. Each step starts on its own line under a <c>#line</c> directive naming the YAML line it
    /// came from. Offsets are written as 0 so that only lines and columns reach the generated code
    /// (see <see cref="Model.ScenarioModel"/>).
    /// </summary>
    internal sealed class ModelLiteral
    {
        private const string Namespace = "global::VmSpec.Scenarios.";
        private static readonly ConcurrentDictionary<Type, Shape> Shapes = new ConcurrentDictionary<Type, Shape>();

        private readonly StringBuilder _out = new StringBuilder();
        private readonly string _linePath;

        private ModelLiteral(string linePath) => _linePath = linePath;

        /// <summary>
        /// The scenario as an expression that starts where the caller has indented to
        /// <paramref name="indent"/> levels of four spaces; its fields go one level deeper.
        /// </summary>
        public static string Write(Scenario scenario, string linePath, int indent = 3)
        {
            var writer = new ModelLiteral(linePath);
            writer.FieldPerLine(scenario, indent + 1);
            return writer._out.ToString();
        }

        /// <summary>
        /// The path as a <c>#line</c> directive takes it: verbatim, since the compiler reads no escape
        /// there (an escaped Windows path would name <c>C:\\x\\y.yaml</c>); null for a path the
        /// directive cannot hold (a quote or a line break in it), whose steps then go without one.
        /// </summary>
        private static string? LineDirectivePath(string path) =>
            path.IndexOf('"') < 0 && !CSharpText.HasLineBreak(path) ? path : null;

        /// <summary>A record with each constructor argument on its own line, named: <c>Name: value,</c>.</summary>
        private void FieldPerLine(object value, int indent)
        {
            var type = value.GetType();
            var shape = Shapes.GetOrAdd(type, Shape.Of);
            _out.Append("new ").Append(TypeName(type)).Append('(');
            for (var i = 0; i < shape.Properties.Length; i++)
            {
                if (i > 0)
                    _out.Append(',');
                _out.AppendLine().Append(' ', indent * 4).Append(shape.Parameters[i]).Append(": ");
                Value(shape.Properties[i].GetValue(value), indent + 1);
            }
            _out.Append(')');
        }

        private void Value(object? value, int indent)
        {
            switch (value)
            {
                case null: _out.Append("null"); return;
                case string text: _out.Append(CSharpText.Literal(text)); return;
                case bool flag: _out.Append(flag ? "true" : "false"); return;
                case int number: _out.Append(number.ToString(CultureInfo.InvariantCulture)); return;
                case uint number: _out.Append(number.ToString(CultureInfo.InvariantCulture)).Append('U'); return;
                case long number: _out.Append(number.ToString(CultureInfo.InvariantCulture)).Append('L'); return;
                case ulong number: _out.Append("0x").Append(number.ToString("X", CultureInfo.InvariantCulture)).Append("UL"); return;
                case Enum member: Enumeration(member); return;
                case SourceSpan span: Span(span); return;
            }

            var type = value.GetType();
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>))
                Array((IEnumerable)value, type.GetGenericArguments()[0], indent);
            else if (DefaultOf(type) is { } name && value.Equals(type.GetField(name)!.GetValue(null)))
                _out.Append(Namespace).Append(type.Name).Append('.').Append(name);
            else
                Record(value, type, indent);
        }

        private void Enumeration(Enum member)
        {
            var type = member.GetType();
            if (Enum.IsDefined(type, member))
                _out.Append(Namespace).Append(type.Name).Append('.').Append(member);
            else
                _out.Append("(" + Namespace).Append(type.Name).Append(')').Append(Convert.ToInt64(member, CultureInfo.InvariantCulture));
        }

        private void Span(SourceSpan span) => _out
            .Append("new ").Append(Namespace).Append("SourceSpan(")
            .Append(span.Line).Append(", ").Append(span.Column).Append(", ")
            .Append(span.EndLine).Append(", ").Append(span.EndColumn).Append(", 0, 0)");

        private void Array(IEnumerable items, Type element, int indent)
        {
            var all = items.Cast<object?>().ToList();
            _out.Append(Namespace).Append("EquatableArray.Create<").Append(TypeName(element)).Append(">(");
            var isSteps = element == typeof(Step);
            for (var i = 0; i < all.Count; i++)
            {
                if (isSteps)
                {
                    // One step per line, each under the YAML line it was read from.
                    var step = (Step)all[i]!;
                    _out.AppendLine();
                    if (LineDirectivePath(_linePath) is { } linePath)
                        _out.Append("#line ").Append(step.Span.Line).Append(" \"").Append(linePath).Append('"').AppendLine();
                    _out.Append(' ', indent * 4);
                }
                else if (i > 0)
                {
                    _out.Append(", ");
                }
                Value(all[i], indent + 1);
                if (isSteps && i < all.Count - 1)
                    _out.Append(',');
            }
            if (isSteps && all.Count > 0)
            {
                _out.AppendLine();
                if (LineDirectivePath(_linePath) is not null)
                    _out.AppendLine("#line default");
                _out.Append(' ', (indent - 1) * 4);
            }
            _out.Append(')');
        }

        private void Record(object value, Type type, int indent)
        {
            var shape = Shapes.GetOrAdd(type, Shape.Of);
            _out.Append("new ").Append(TypeName(type)).Append('(');
            for (var i = 0; i < shape.Properties.Length; i++)
            {
                if (i > 0)
                    _out.Append(", ");
                var property = shape.Properties[i];
                Value(property.GetValue(value), indent);
            }
            _out.Append(')');
        }

        private static string TypeName(Type type) =>
            type == typeof(string) ? "string" : Namespace + type.Name;

        /// <summary>Settings records keep their format defaults in a static <c>Default</c>; naming it reads better.</summary>
        private static string? DefaultOf(Type type) =>
            type.GetField("Default", BindingFlags.Public | BindingFlags.Static)?.FieldType == type ? "Default" : null;

        /// <summary>A record's primary constructor parameters, matched to the properties that carry them.</summary>
        private sealed class Shape
        {
            private Shape(PropertyInfo[] properties, string[] parameters)
            {
                Properties = properties;
                Parameters = parameters;
            }

            public PropertyInfo[] Properties { get; }

            /// <summary>The constructor's parameter names, for named arguments.</summary>
            public string[] Parameters { get; }

            public static Shape Of(Type type)
            {
                var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
                var parameters = constructor.GetParameters();
                var properties = parameters
                    .Select(p => type.GetProperty(p.Name!, BindingFlags.Public | BindingFlags.Instance)
                        ?? throw new InvalidOperationException($"{type.Name} has no property for constructor parameter {p.Name}"))
                    .ToArray();
                return new Shape(properties, parameters.Select(p => p.Name!).ToArray());
            }
        }
    }
}
