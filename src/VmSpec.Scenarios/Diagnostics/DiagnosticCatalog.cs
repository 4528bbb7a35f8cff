namespace VmSpec.Scenarios
{
    /// <summary>
    /// Every diagnostic the parser reports, one per kind of error. Ids are stable: never renumber,
    /// only append. docs/diagnostics.md explains each one with an example.
    /// </summary>
    public static class DiagnosticCatalog
    {
        private static ScenarioDiagnosticDescriptor Error(string id, string title, string format) =>
            new ScenarioDiagnosticDescriptor(id, title, format, ScenarioSeverity.Error);

        public static readonly ScenarioDiagnosticDescriptor YamlSyntax = Error(
            "VMS0001", "YAML syntax error", "YAML syntax error: {0}");

        public static readonly ScenarioDiagnosticDescriptor WrongNodeKind = Error(
            "VMS0002", "Wrong kind of YAML node", "{0} must be {1}, found {2}");

        public static readonly ScenarioDiagnosticDescriptor UnknownKey = Error(
            "VMS0003", "Unknown key", "Unknown key '{0}' in {1}; expected one of: {2}");

        public static readonly ScenarioDiagnosticDescriptor DuplicateKey = Error(
            "VMS0004", "Duplicate key", "Duplicate key '{0}' in {1}; it was already given on line {2}");

        public static readonly ScenarioDiagnosticDescriptor MissingKey = Error(
            "VMS0005", "Missing required key", "Missing required key '{0}' in {1}");

        public static readonly ScenarioDiagnosticDescriptor InvalidNumber = Error(
            "VMS0006", "Invalid number", "'{0}' is not a number for '{1}'; expected decimal or 0x hex digits, with '_' only between digits");

        public static readonly ScenarioDiagnosticDescriptor NumberOverflow = Error(
            "VMS0007", "Number too large", "'{0}' for '{1}' is too large; it must fit in {2} bits");

        public static readonly ScenarioDiagnosticDescriptor OutOfRange = Error(
            "VMS0008", "Value out of range", "{0} for '{1}' is out of range; expected {2}");

        public static readonly ScenarioDiagnosticDescriptor InvalidSize = Error(
            "VMS0009", "Invalid size", "'{0}' is not a size for '{1}'; expected a number, optionally followed by KiB, MiB or GiB (e.g. 4KiB)");

        public static readonly ScenarioDiagnosticDescriptor InvalidBoolean = Error(
            "VMS0010", "Invalid boolean", "'{0}' is not a boolean for '{1}'; expected true or false");

        public static readonly ScenarioDiagnosticDescriptor InvalidChoice = Error(
            "VMS0011", "Invalid value", "'{0}' is not a valid value for '{1}'; expected one of: {2}");

        public static readonly ScenarioDiagnosticDescriptor UnknownFault = Error(
            "VMS0012", "Unknown fault", "Unknown fault '{0}'; expected one of: {1}");

        public static readonly ScenarioDiagnosticDescriptor UnknownReason = Error(
            "VMS0013", "Unknown fault reason", "Unknown reason '{0}'; expected one of: {1}");

        public static readonly ScenarioDiagnosticDescriptor InvalidPerm = Error(
            "VMS0014", "Invalid permissions", "'{0}' is not a permission for '{1}'; expected {2}");

        public static readonly ScenarioDiagnosticDescriptor InvalidAddress = Error(
            "VMS0015", "Invalid address", "'{0}' is not an address for '{1}'; expected {2}");

        public static readonly ScenarioDiagnosticDescriptor UndefinedName = Error(
            "VMS0016", "Undefined name", "Name '{0}' is not defined here; names come from 'as' on an earlier step (defined: {1})");

        public static readonly ScenarioDiagnosticDescriptor NoAction = Error(
            "VMS0017", "Step without action", "Step has no action key; expected one of: {0}{1}");

        public static readonly ScenarioDiagnosticDescriptor MultipleActions = Error(
            "VMS0018", "Step with several actions", "Step has more than one action ('{0}' and '{1}'); write one action per step");

        public static readonly ScenarioDiagnosticDescriptor ExpectKeyNotAllowed = Error(
            "VMS0019", "Expectation not allowed for this action", "'{0}' cannot be expected of a '{1}' step; expected one of: {2}");

        public static readonly ScenarioDiagnosticDescriptor ExpectNotAllowed = Error(
            "VMS0020", "Action takes no expect", "'{0}' steps take no 'expect'; they must simply succeed");

        public static readonly ScenarioDiagnosticDescriptor ReasonWithoutFault = Error(
            "VMS0021", "Reason without fault", "'reason' is only allowed together with 'fault'");

        public static readonly ScenarioDiagnosticDescriptor ConflictingExpect = Error(
            "VMS0022", "Contradictory expectations", "'{0}' and '{1}' cannot both be expected of one step");

        public static readonly ScenarioDiagnosticDescriptor MisalignedSuperpage = Error(
            "VMS0023", "Misaligned superpage map", "'{0}' 0x{1:x} of a {2} map on sv39 is not aligned to {2}; a superpage must be naturally aligned");

        public static readonly ScenarioDiagnosticDescriptor InvalidSnapshotLabel = Error(
            "VMS0024", "Invalid snapshot label", "'{0}' is not a snapshot label; expected lowercase letters, digits and '-', starting with a letter or digit");

        public static readonly ScenarioDiagnosticDescriptor MemoryMisaligned = Error(
            "VMS0025", "Memory not page aligned", "memory {0} 0x{1:x} is not a multiple of 4 KiB");

        public static readonly ScenarioDiagnosticDescriptor PageMisaligned = Error(
            "VMS0026", "Not page aligned", "'{0}' 0x{1:x} of '{2}' is not a multiple of the page size ({3} bytes)");

        public static readonly ScenarioDiagnosticDescriptor InvalidPageSize = Error(
            "VMS0027", "Invalid page size", "page-size {0} is not a power of two from 8 to 65536 bytes");

        public static readonly ScenarioDiagnosticDescriptor InvalidVaBits = Error(
            "VMS0028", "Invalid va-bits", "va-bits {0} must be greater than the page offset bits ({1}) and at most 64");

        public static readonly ScenarioDiagnosticDescriptor InvalidSegmentationBits = Error(
            "VMS0029", "Invalid segmentation widths", "{0}; expected 0 < selector-bits < address-bits <= 64 (top-bits) and 0 < offset-bits <= 64 (explicit)");

        public static readonly ScenarioDiagnosticDescriptor InvalidTlbGeometry = Error(
            "VMS0030", "Invalid TLB geometry", "{0}");

        public static readonly ScenarioDiagnosticDescriptor ExactlyOneOf = Error(
            "VMS0031", "Exactly one of two keys", "{0} needs exactly one of '{1}' and '{2}', found {3}");

        public static readonly ScenarioDiagnosticDescriptor Empty = Error(
            "VMS0032", "Empty value", "{0} must not be empty");

        public static readonly ScenarioDiagnosticDescriptor InvalidIdentifier = Error(
            "VMS0033", "Invalid name", "'{0}' is not a valid {1}; expected {2}");

        public static readonly ScenarioDiagnosticDescriptor DuplicateItem = Error(
            "VMS0034", "Duplicate list item", "'{0}' appears more than once in '{1}'");

        public static readonly ScenarioDiagnosticDescriptor InvalidAccessSize = Error(
            "VMS0035", "Invalid access size", "{0} is not an access size; expected 1, 2, 4 or 8");

        public static readonly ScenarioDiagnosticDescriptor ValueTooWide = Error(
            "VMS0036", "Value wider than access", "value 0x{0:x} does not fit in {1} byte(s)");

        public static readonly ScenarioDiagnosticDescriptor KeyNotInMode = Error(
            "VMS0037", "Key not used in this segmentation mode", "'{0}' does not apply in segmentation mode '{1}'");

        public static readonly ScenarioDiagnosticDescriptor WrongMmuKind = Error(
            "VMS0038", "Not available on the scenario's MMU kinds", "{0} needs an MMU kind of [{1}], but the scenario runs on [{2}]");

        public static readonly ScenarioDiagnosticDescriptor PidExpectMismatch = Error(
            "VMS0039", "Expectation does not match pid", "'{0}' can only be expected of a load or store {1}");

        public static readonly ScenarioDiagnosticDescriptor ReservedName = Error(
            "VMS0040", "Reserved name", "'{0}' is predefined and cannot be bound with 'as'");

        public static readonly ScenarioDiagnosticDescriptor MemoryRange = Error(
            "VMS0041", "Memory beyond physical address space", "memory [0x{0:x}, +0x{1:x}) goes beyond 56-bit physical addresses");

        public static readonly ScenarioDiagnosticDescriptor TableTooLarge = Error(
            "VMS0042", "Single-level table does not fit", "a single-level table for va-bits {0} and page-size {1} needs {2} bytes, more than the {3} bytes of RAM");

        public static readonly ScenarioDiagnosticDescriptor MultipleDocuments = Error(
            "VMS0043", "More than one YAML document", "A scenario file holds one YAML document; found another one here");

        public static readonly ScenarioDiagnosticDescriptor InternalError = Error(
            "VMS0044", "Internal parser error", "Internal error while parsing ({0}); please report it with this file");

        public static readonly ScenarioDiagnosticDescriptor RepeatedSnapshotLabel = Error(
            "VMS0045", "Repeated snapshot label", "snapshot '{0}' is already taken on line {1}; each snapshot needs a label of its own, since the label names its snapshot file");

        public static readonly ScenarioDiagnosticDescriptor InvalidUtf8 = Error(
            "VMS0046", "Not valid UTF-8", "byte 0x{0:x2} (at byte offset {1}) is not valid UTF-8; scenario files are UTF-8 text");

        public static readonly ScenarioDiagnosticDescriptor ReplacementCharacter = Error(
            "VMS0047", "Replacement character in the text", "U+FFFD here is what a decoder puts where bytes are not UTF-8 (write \\uFFFD in a double-quoted string to mean the character itself); scenario files are UTF-8 text");

        public static readonly ScenarioDiagnosticDescriptor ControlCharacter = Error(
            "VMS0048", "Control character in the text", "U+{0:X4} is a control character, which YAML does not allow in a file (only tab, line feed and carriage return are); write it as an escape in a double-quoted string if it is meant");

        public static readonly ScenarioDiagnosticDescriptor YamlTag = Error(
            "VMS0049", "YAML tag", "the tag '{0}' is not part of the scenario format, which reads each value by its key (a tag such as !!str would otherwise be ignored); remove it");

        /// <summary>All descriptors, in id order.</summary>
        public static readonly EquatableArray<ScenarioDiagnosticDescriptor> All = EquatableArray.Create(
            YamlSyntax, WrongNodeKind, UnknownKey, DuplicateKey, MissingKey, InvalidNumber, NumberOverflow, OutOfRange,
            InvalidSize, InvalidBoolean, InvalidChoice, UnknownFault, UnknownReason, InvalidPerm, InvalidAddress,
            UndefinedName, NoAction, MultipleActions, ExpectKeyNotAllowed, ExpectNotAllowed, ReasonWithoutFault,
            ConflictingExpect, MisalignedSuperpage, InvalidSnapshotLabel, MemoryMisaligned, PageMisaligned,
            InvalidPageSize, InvalidVaBits, InvalidSegmentationBits, InvalidTlbGeometry, ExactlyOneOf, Empty,
            InvalidIdentifier, DuplicateItem, InvalidAccessSize, ValueTooWide, KeyNotInMode, WrongMmuKind,
            PidExpectMismatch, ReservedName, MemoryRange, TableTooLarge, MultipleDocuments, InternalError, RepeatedSnapshotLabel, InvalidUtf8,
            ReplacementCharacter, ControlCharacter, YamlTag);
    }
}
