namespace VmSpec.Scenarios.Parsing
{
    // The kernel model's process steps.
    internal sealed partial class StepReader
    {
        private Step? Spawn(SourceSpan span, YamlNode value, YamlNode? expect)
        {
            if (Arguments(value, "spawn", "pid", "break") is not MappingView args) return null;
            var pid = values.Pid(values.Require(args, "pid"), "pid");
            var brk = values.Number(args["break"], "break");
            var expectation = expects.Kernel(expect, "spawn");
            return pid is null || (args.Has("break") && brk is null) ? null : new SpawnStep(span, pid.Value, brk, expectation);
        }

        private Step? Fork(SourceSpan span, YamlNode value, YamlNode? expect, bool vfork)
        {
            string action = vfork ? "vfork" : "fork";
            if (Arguments(value, action, "parent", "child") is not MappingView args) return null;
            var parent = values.Pid(values.Require(args, "parent"), "parent");
            var child = values.Pid(values.Require(args, "child"), "child");
            var expectation = expects.Kernel(expect, action);
            if (parent is null || child is null) return null;
            return vfork
                ? new VforkStep(span, parent.Value, child.Value, expectation)
                : new ForkStep(span, parent.Value, child.Value, expectation);
        }

        private Step? Exit(SourceSpan span, YamlNode value, YamlNode? expect)
        {
            if (Arguments(value, "exit", "pid") is not MappingView args) return null;
            var pid = values.Pid(values.Require(args, "pid"), "pid");
            var expectation = expects.Kernel(expect, "exit");
            return pid is null ? null : new ExitStep(span, pid.Value, expectation);
        }

        private Step? Switch(SourceSpan span, YamlNode value, YamlNode? expect)
        {
            if (Arguments(value, "switch", "pid") is not MappingView args) return null;
            var pid = values.Pid(values.Require(args, "pid"), "pid");
            var expectation = expects.Kernel(expect, "switch");
            return pid is null ? null : new SwitchStep(span, pid.Value, expectation);
        }

        private Step? Sbrk(SourceSpan span, YamlNode value, YamlNode? expect)
        {
            if (Arguments(value, "sbrk", "pid", "bytes", "as") is not MappingView args) return null;
            var pid = values.Pid(values.Require(args, "pid"), "pid");
            var bytes = values.SignedSize(values.Require(args, "bytes"), "bytes");
            var expectation = expects.Kernel(expect, "sbrk");
            var name = Bind(args);
            if (pid is null || bytes is null || (args.Has("as") && name is null)) return null;
            return new SbrkStep(span, pid.Value, bytes.Value, name, expectation);
        }

        private Step? Mmap(SourceSpan span, YamlNode value, YamlNode? expect)
        {
            if (Arguments(value, "mmap", "pid", "length", "perm", "shared", "as") is not MappingView args) return null;
            var pid = values.Pid(values.Require(args, "pid"), "pid");
            // A zero length is for the kernel to refuse (error: invalid, as EINVAL), so scenarios can test it.
            var length = values.Size(values.Require(args, "length"), "length");
            var perm = values.Perm(values.Require(args, "perm"), "perm", allowEmpty: true);
            var shared = values.Bool(args["shared"], "shared");
            var expectation = expects.Kernel(expect, "mmap");
            var name = Bind(args);
            if (pid is null || length is null || perm is null || (args.Has("shared") && shared is null) || (args.Has("as") && name is null)) return null;
            return new MmapStep(span, pid.Value, length.Value, perm.Value, shared ?? false, name, expectation);
        }

        private Step? Munmap(SourceSpan span, YamlNode value, YamlNode? expect)
        {
            if (Arguments(value, "munmap", "pid", "va", "length") is not MappingView args) return null;
            var pid = values.Pid(values.Require(args, "pid"), "pid");
            var va = values.Address(values.Require(args, "va"), "va", AddressForms.Virtual);
            // A zero length is for the kernel to refuse (error: invalid, as EINVAL), so scenarios can test it.
            var length = values.Size(values.Require(args, "length"), "length");
            var expectation = expects.Kernel(expect, "munmap");
            return pid is null || va is null || length is null ? null : new MunmapStep(span, pid.Value, va, length.Value, expectation);
        }

        /// <summary>
        /// Reads <c>as</c> and binds the name for the steps that follow. Binding a name again is
        /// allowed (the latest wins, like a variable); only the predefined <c>clock</c> is reserved.
        /// </summary>
        private string? Bind(MappingView args)
        {
            var node = values.Scalar(args["as"], "as", "a name");
            if (node is null) return null;
            string name = node.Value;
            if (!NameSyntax.IsAddressName(name))
            {
                context.Report(DiagnosticCatalog.InvalidIdentifier, node.Span, name, "name for 'as'", NameSyntax.AddressNameRule);
                return null;
            }
            if (name == NamedAddress.Clock)
            {
                context.Report(DiagnosticCatalog.ReservedName, node.Span, name);
                return null;
            }
            context.Bind(name);
            return name;
        }
    }
}
