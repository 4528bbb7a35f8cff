using VmSpec.Cli;

return VmSpecApp.Run(args, Console.Out, Console.Error);
