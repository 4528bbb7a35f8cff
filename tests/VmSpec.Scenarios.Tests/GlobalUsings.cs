global using VmSpec.Scenarios.Tests.Support;
