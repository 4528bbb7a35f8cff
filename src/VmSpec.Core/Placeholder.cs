namespace VmSpec.Core;
