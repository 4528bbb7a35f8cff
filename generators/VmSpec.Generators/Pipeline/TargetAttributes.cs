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
                return Invalid($"kind '{kind}' can never be named by a scenario's mmu list, which spells a kind with {KindSpelling.Rule}", location);

            // typeof of something that is no type (a namespace, a name not found): the compiler's own
            // error (CS0118, CS0246) says what is wrong; a VMS1001 about a class would only mislead.
            if (type.TypeKind == TypeKind.Error)
                return new TargetResult(null, null, location);

            var display = type.ToDisplayString();
            if (type.IsAbstract || type.TypeKind != TypeKind.Class)
                return Invalid($"{display} cannot be a conformance target: it must be a non-abstract class", location);
            if (!type.AllInterfaces.Any(i => i.ToDisplayString() == MmuInterface))
                return Invalid($"{display} cannot be a conformance target: it does not implement {MmuInterface}", location);
            if (!type.InstanceConstructors.Any(IsMachineConstructor))
                return Invalid($"{display} cannot be a conformance target: it has no public constructor taking a {MachineType}", location);

            // The name closes every test's name, "Rule(name)", and is what a filter matches; null is the kind.
            var name = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Name").Value.Value as string;
            if (name is not null && !VmSpec.Scenarios.Parsing.NameSyntax.IsTag(name))
                return Invalid($"Name '{name}' cannot name a conformance target: a target's name is {VmSpec.Scenarios.Parsing.NameSyntax.TagRule}, as it ends each test's name", location);
            var fullName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            return new TargetResult(new TargetModel(fullName, kind, name ?? kind), null, location);
        }

        private static bool IsMachineConstructor(IMethodSymbol constructor) =>
            constructor.DeclaredAccessibility == Accessibility.Public
            && constructor.Parameters.Length == 1
            && constructor.Parameters[0].Type.ToDisplayString() == MachineType;

        private static TargetResult Invalid(string message, LocationInfo? location) =>
            new TargetResult(null, GeneratorDiagnostics.InvalidTarget(message, location));
    }
}
