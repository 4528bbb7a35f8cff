using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using VmSpec.Generators.Model;
using VmSpec.Scenarios;

namespace VmSpec.Generators.Pipeline
{
    /// <summary>Reads <c>[assembly: ConformanceTarget(typeof(T), "kind", Name = "...")]</c> and checks T.</summary>
    internal static class TargetAttributes
    {
        public const string AttributeName = "VmSpec.Conformance.ConformanceTargetAttribute";
        private const string MmuInterface = "VmSpec.Core.Mmu.IMmu";
        private const string MachineType = "VmSpec.Core.Machine";

        public static EquatableArray<TargetResult> Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var results = new List<TargetResult>();
            foreach (var attribute in context.Attributes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation());
                try
                {
                    results.Add(Read(attribute, location));
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    results.Add(new TargetResult(null, GeneratorDiagnostics.InternalError("reading a ConformanceTarget attribute", exception, location)));
                }
            }
            return EquatableArray.From(results);
        }

        private static TargetResult Read(AttributeData attribute, LocationInfo? location)
        {
            var arguments = attribute.ConstructorArguments;
            if (arguments.Length != 2 || arguments[0].Value is not INamedTypeSymbol type || arguments[1].Value is not string kind || kind.Length == 0)
                return Invalid("ConformanceTarget needs a type and a non-empty kind: [assembly: ConformanceTarget(typeof(MyMmu), \"sv39\")]", location);

            if (!KindSpelling.IsValid(kind))
                return Invalid("kind " + KindSpelling.Unnameable(kind), location);

            // typeof of something that is no type (a namespace, a name not found): the compiler's own
            // error (CS0118, CS0246) says what is wrong; a VMS1001 about a class would only mislead.
            if (type.TypeKind == TypeKind.Error)
                return new TargetResult(null, null, location);

            var display = type.ToDisplayString();
            if (type.IsAbstract || type.TypeKind != TypeKind.Class)
                return Invalid($"{display} cannot be a conformance target: it must be a non-abstract class", location);
            if (type.IsUnboundGenericType)
                return Invalid($"{display} cannot be a conformance target: it is a generic type with no type arguments; name one of its constructed types", location);
            // The suite is generated into a file of its own, which cannot name a file-local type, nor a
            // type nested in one or built with one as a type argument. (A type typeof cannot reach, a
            // private nested one, is already the compiler's error.)
            if (NamesFileLocal(type))
                return Invalid($"{display} cannot be a conformance target: it is file-local or is named through a file-local type, and the generated suite, in a file of its own, cannot see it", location);
            if (!type.AllInterfaces.Any(i => i.ToDisplayString() == MmuInterface))
                return Invalid($"{display} cannot be a conformance target: it does not implement {MmuInterface}", location);
            var constructor = type.InstanceConstructors.FirstOrDefault(IsMachineConstructor);
            if (constructor is null)
                return Invalid($"{display} cannot be a conformance target: it has no public constructor taking a {MachineType}", location);
            if (HasRequiredMembers(type) && !constructor.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == SetsRequiredMembers))
                return Invalid($"{display} cannot be a conformance target: it has required members, which the suite's 'new {type.Name}(machine)' does not set", location);

            // The name closes every test's name, "Rule(name)", and is what a filter matches; null is the kind.
            var name = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Name").Value.Value as string;
            if (name is not null && !VmSpec.Scenarios.Parsing.NameSyntax.IsTag(name))
                return Invalid($"Name '{name}' cannot name a conformance target: a target's name is {VmSpec.Scenarios.Parsing.NameSyntax.TagRule}, as it ends each test's name", location);
            var fullName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            return new TargetResult(new TargetModel(fullName, kind, name ?? kind), null, location);
        }

        private const string SetsRequiredMembers = "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute";

        // By value, not by reference (ref, in, out); a nullable annotation is no other type.
        private static bool IsMachineConstructor(IMethodSymbol constructor) =>
            constructor.DeclaredAccessibility == Accessibility.Public
            && constructor.Parameters.Length == 1
            && constructor.Parameters[0].RefKind == RefKind.None
            && constructor.Parameters[0].Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString() == MachineType;

        private static bool NamesFileLocal(ITypeSymbol type) => type switch
        {
            INamedTypeSymbol named => named.IsFileLocal
                || (named.ContainingType is { } outer && NamesFileLocal(outer))
                || named.TypeArguments.Any(NamesFileLocal),
            IArrayTypeSymbol array => NamesFileLocal(array.ElementType),
            _ => false,
        };

        private static bool HasRequiredMembers(INamedTypeSymbol type)
        {
            for (var t = type; t is not null; t = t.BaseType)
                if (t.GetMembers().Any(member => member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true }))
                    return true;
            return false;
        }

        private static TargetResult Invalid(string message, LocationInfo? location) =>
            new TargetResult(null, GeneratorDiagnostics.InvalidTarget(message, location));
    }
}
