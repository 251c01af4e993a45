using System.Text;

// The report and the sample roster are UTF-8 with Chinese names; a console left on a legacy code page
// (Windows) would mangle them, so standard output and error are UTF-8 whatever the platform default.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return CadreRules.Cli.CliApp.Run(args, Console.Out, Console.Error);
